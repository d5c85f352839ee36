import { basename } from 'node:path';
import type { z } from 'zod';
import { checkBagPath } from '../core/bagit';
import type { ChecklistTemplate, Dataset } from '../core/package';
import { checklistTemplateSchema } from '../core/package';
import { CliError, UsageError, withFile } from './errors';
import type { CliIo } from './io';
import { inferCsvColumns } from './csv-columns';
import { sha256Hex } from './node-hash';
import type { PackOptions } from './pack-options';
import { packOptionsSchema } from './pack-options';
import { resolvePath } from './paths';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Validates the raw options; the first problem becomes `kpo: --<option>: <reason>`. */
export function parsePackOptions(values: Record<string, unknown>): PackOptions {
  const parsed = packOptionsSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const option = issue?.path[0];
  throw new UsageError(
    typeof option === 'string' ? (option === 'output' ? '-o/--output' : `--${option}`) : 'kpo pack',
    `${issue?.message ?? 'invalid options'} (see kpo pack --help)`,
  );
}

export function readTextFile(io: CliIo, shown: string): string {
  const bytes = withFile(shown, () => io.fs.readFile(resolvePath(io.cwd, shown)));
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CliError(shown, 'not UTF-8 text');
  }
}

export function readChecklistTemplate(io: CliIo, shown: string): ChecklistTemplate {
  let value: unknown;
  try {
    value = JSON.parse(readTextFile(io, shown));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(shown, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = checklistTemplateSchema.safeParse(value);
  if (!parsed.success) throw new CliError(shown, describeIssues(parsed.error));
  return parsed.data;
}

/** Every issue on one line, each with its JSON path, e.g. `$.items[0].severity: Invalid option…`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('');
      return `$${path}: ${issue.message}`;
    })
    .join('; ');
}

export interface CsvInput {
  /** Relative to data/. */
  path: string;
  bytes: Uint8Array;
  dataset: Dataset;
}

/** Reads each --data CSV into datasets/<file name>, with its hash, size and inferred column types. */
export function readDatasets(io: CliIo, files: readonly string[]): CsvInput[] {
  const seen = new Map<string, string>();
  return files.map((shown) => {
    const name = basename(shown);
    const path = `datasets/${name}`;
    if (!name.toLowerCase().endsWith('.csv')) throw new CliError(shown, 'expected a .csv file');
    const unsafe = checkBagPath(`data/${path}`);
    if (unsafe || /\p{Cc}/u.test(name)) {
      throw new CliError(
        shown,
        `the file name cannot be used in a package: ${unsafe?.reason ?? 'control characters'}`,
      );
    }
    // Case and Unicode normalisation too: the zip reader refuses names that collide on macOS or Windows.
    const key = name.normalize('NFC').toLowerCase();
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new CliError(
        shown,
        `has the same file name as ${previous} (ignoring case); only one can be ${path.toLowerCase()}`,
      );
    }
    seen.set(key, shown);
    const full = resolvePath(io.cwd, shown);
    if (withFile(shown, () => io.fs.kind(full, { follow: true })) === 'directory') {
      throw new CliError(shown, 'is a directory; expected a .csv file');
    }
    const bytes = withFile(shown, () => io.fs.readFile(full));
    return {
      path,
      bytes,
      dataset: {
        path,
        name: name.replace(/\.csv$/i, ''),
        sha256: sha256Hex(bytes),
        bytes: bytes.length,
        columns: inferCsvColumns(shown, bytes),
      },
    };
  });
}
