// Test-only: run the CLI in-process against a scratch directory and capture what it prints.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildPackage, buildPackageFiles } from '../core/package';
import type { PackageKind } from '../core/package';
import { makeKey, samplePackageInput } from '../core/package/fixtures.test-support';
import type { TestKey } from '../core/package/fixtures.test-support';
import { zipBag } from '../core/package/tamper.test-support';
import { main } from './cli';
import type { CliFs } from './io';
import { nodeFs } from './io';

export const MINISIGN = '/usr/bin/minisign';
export const FIXED_NOW = new Date('2025-03-04T10:20:30.000Z');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Scratch {
  dir: string;
  path(name: string): string;
  write(name: string, data: string | Uint8Array): string;
  read(name: string): Buffer;
  exists(name: string): boolean;
  /** Runs `kpo ...argv` in this directory. */
  kpo(argv: readonly string[], fs?: CliFs): Promise<CliRun>;
  /** Every file under `name` (default: the scratch root), relative and sorted. */
  tree(name?: string): string[];
  dispose(): void;
}

export function openScratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'kpo-cli-'));
  const path = (name: string): string => join(dir, name);
  const tree = (name = '.'): string[] => {
    const root = path(name);
    const out: string[] = [];
    const walk = (current: string): void => {
      for (const entry of readdirSync(current, { withFileTypes: true })) {
        const full = join(current, entry.name);
        if (entry.isDirectory()) walk(full);
        else out.push(relative(root, full));
      }
    };
    walk(root);
    return out.sort();
  };
  return {
    dir,
    path,
    write: (name, data) => {
      mkdirSync(dirname(path(name)), { recursive: true });
      writeFileSync(path(name), data);
      return path(name);
    },
    read: (name) => readFileSync(path(name)),
    exists: (name) => existsSync(path(name)),
    kpo: async (argv, fs = nodeFs) => {
      let stdout = '';
      let stderr = '';
      const code = await main(argv, {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        cwd: dir,
        fs,
        now: () => FIXED_NOW,
      });
      return { code, stdout, stderr };
    },
    tree,
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Keys {
  coordinator: TestKey;
  analyst: TestKey;
  reviewer: TestKey;
}

export function makeKeys(): Keys {
  return { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };
}

/** A sample package of `kind` from core's fixtures, written to `name`; returns its bag files too. */
export async function writeSamplePackage(
  scratch: Scratch,
  name: string,
  kind: PackageKind,
  keys: Keys,
): Promise<Map<string, Uint8Array> & { packageId: string }> {
  const input = await samplePackageInput(kind, keys);
  scratch.write(name, await buildPackage(input));
  return buildPackageFiles(input);
}

export function writeZippedBag(
  scratch: Scratch,
  name: string,
  files: ReadonlyMap<string, Uint8Array>,
  rootDir: string,
): void {
  scratch.write(name, zipBag(files, rootDir));
}

/** Inputs for `kpo pack task` in the scratch directory, and the arguments that use them. */
export function writeTaskInputs(scratch: Scratch, keyFile: string): string[] {
  scratch.write('brief.md', '# Brief\n\nExplain the **regional** differences in Q4 sales.\n');
  scratch.write(
    'sales.csv',
    'region,quarter,total,orders,audited\nnorth,2024-10-01,1200.50,31,true\nsouth,2024-10-01,700.25,18,false\n',
  );
  scratch.write('notes.csv', 'id,note\n1,first\n2,second\n');
  scratch.write(
    'checklist.json',
    JSON.stringify({
      name: 'Research task',
      items: [
        {
          id: 'q-answered',
          text: 'Every question answered',
          severity: 'critical',
          evidenceRequired: false,
          automaticCheck: 'every-question-answered',
        },
        { id: 'sources', text: 'Sources cited', severity: 'major', evidenceRequired: true },
      ],
    }),
  );
  return [
    'pack',
    'task',
    '--title',
    'Regional sales drivers',
    '--brief',
    'brief.md',
    '--question',
    'Which region grew fastest?',
    '--question',
    'What explains the drop in the south?',
    '--due',
    '2025-03-20T17:00:00Z',
    '--data',
    'sales.csv',
    '--data',
    'notes.csv',
    '--checklist',
    'checklist.json',
    '--key',
    keyFile,
    '--client',
    'Northwind Ltd',
    '--name',
    'Cora Coordinator',
    '--email',
    'cora@example.org',
    '--id',
    'task-2025-001',
    '-o',
    'task.kpo',
  ];
}

/** Fails (never skips) when the real minisign is missing: interop must not pass by not running. */
export function requireMinisign(): string {
  if (!existsSync(MINISIGN)) {
    throw new Error(`${MINISIGN} not found: these tests need Debian's minisign (apt-get install minisign)`);
  }
  return MINISIGN;
}
