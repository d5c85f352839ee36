import type { Signoff, Task, VerifyPackageResult } from '../../core/package';
import { SIGNOFFS_FILE, signoffsSchema, TASK_FILE, taskSchema } from '../../core/package';
import { parseCommandArgs, positionals } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { describePackage, exitCodeFor, printFindings, printJson, verdict, verificationJson } from '../report';
import { loadTrustedKeys } from '../trust';
import { verifyInput } from '../verify-input';

const OPTIONS = {
  trust: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

interface PersonEntry {
  role: string;
  name: string;
  email: string | null;
  keyId: string;
}

interface SignoffEntry {
  role: Signoff['role'];
  name: string;
  keyId: string;
  date: string;
  statement: string;
}

export interface PackageContents {
  task: { id: string; title: string; client: string; due: string; questions: string[] } | null;
  people: PersonEntry[];
  files: { path: string; bytes: number }[];
  signoffs: SignoffEntry[];
}

/**
 * What a verified package holds. Documents are read only from a package that passed verification
 * (which schema-checked them); an invalid package shows its findings and nothing it claims.
 */
export function packageContents(result: VerifyPackageResult): PackageContents {
  const files = result.files;
  if (!files) return { task: null, people: [], files: [], signoffs: [] };
  const task = readJson(files, TASK_FILE, taskSchema);
  const signoffs = readJson(files, SIGNOFFS_FILE, signoffsSchema)?.signoffs ?? [];
  return {
    task: task
      ? {
          id: task.id,
          title: task.title,
          client: task.client,
          due: task.due,
          questions: task.questions.map((q) => q.text),
        }
      : null,
    people: task ? people(task) : [],
    files: [...files]
      .map(([path, bytes]) => ({ path, bytes: bytes.length }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    signoffs: signoffs.map((s) => ({
      role: s.role,
      name: s.signer.name,
      keyId: s.signer.keyId,
      date: s.date,
      statement: s.statement,
    })),
  };
}

function people(task: Task): PersonEntry[] {
  return (['coordinator', 'analyst', 'reviewer'] as const).flatMap((role) => {
    const person = task.people[role];
    return person ? [{ role, name: person.name, email: person.email ?? null, keyId: person.keyId }] : [];
  });
}

function readJson<T>(
  files: ReadonlyMap<string, Uint8Array>,
  path: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): T | null {
  const bytes = files.get(path);
  if (!bytes) return null;
  let value: unknown;
  try {
    // A plain BagIt bag's payload is not schema-checked by verification, so it may hold anything.
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows.reduce<number[]>(
    (acc, row) => row.map((cell, i) => Math.max(acc[i] ?? 0, cell.length)),
    [],
  );
  return rows
    .map((row) =>
      `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd(),
    )
    .join('\n');
}

function humanReport(path: string, result: VerifyPackageResult, contents: PackageContents): string {
  const lines = [`${path}: ${verdict(result)}`, `  ${describePackage(result)}`];
  const { task } = contents;
  if (task) {
    lines.push(
      '',
      'Task',
      table([
        ['id', task.id],
        ['title', task.title],
        ['client', task.client],
        ['due', task.due],
        ...task.questions.map((q, i) => [`question ${i + 1}`, q]),
      ]),
    );
  }
  if (contents.people.length > 0) {
    lines.push('', 'People', table(contents.people.map((p) => [p.role, p.name, p.email ?? '', p.keyId])));
  }
  if (contents.files.length > 0) {
    lines.push('', 'Files', table(contents.files.map((f) => [String(f.bytes).padStart(12), f.path])));
  }
  if (contents.signoffs.length > 0) {
    lines.push(
      '',
      'Sign-offs',
      table(contents.signoffs.map((s) => [s.role, s.name, s.keyId, s.date, s.statement])),
    );
  } else if (result.files) {
    lines.push('', 'Sign-offs: none');
  }
  return `${lines.join('\n')}\n`;
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show what a package holds: kind, task, people, files, sign-offs, verification',
  help: `Usage: kpo inspect <file.kpo | bag-directory> [--trust <key.pub | dir>]... [--json]

Verifies the package exactly as "kpo verify" does, then shows its kind, task (id, title, client,
due date, questions), people, every file with its size, and the sign-offs. An invalid package
shows only its problems: nothing it claims is displayed as if it could be believed.

Options:
  --trust <path>  a minisign .pub file, or a directory of .pub files, whose keys you trust
                  (repeatable)
  --json          print everything as JSON on stdout
  -h, --help      show this help

Exit status: as kpo verify (0 trusted, 2 valid but not trusted, 1 invalid, 64 usage).
`,
  run: (args, io) => {
    const { values, positionals: rest } = parseCommandArgs('inspect', args, OPTIONS);
    if (values.help) {
      io.stdout(inspectCommand.help);
      return EXIT.ok;
    }
    const [path = ''] = positionals('inspect', rest, ['<file.kpo | bag-directory>']);
    const { result } = verifyInput(io, path, loadTrustedKeys(io, values.trust ?? []));
    const contents = packageContents(result);
    printFindings(io, path, result.findings);
    if (values.json) printJson(io, { ...verificationJson(path, result), ...contents });
    else io.stdout(humanReport(path, result, contents));
    return exitCodeFor(result.status);
  },
};
