import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileCapped, writeFileAtomic, writeFileAtomicSync } from './file-io';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kpo-file-io-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readFileCapped', () => {
  it('reads a file at or under the cap', async () => {
    const file = join(dir, 'a.csv');
    await writeFile(file, 'abcd');
    expect(Buffer.from(await readFileCapped(file, 4)).toString()).toBe('abcd');
  });

  it('refuses a file over the cap with its name and size in the message', async () => {
    const file = join(dir, 'big.csv');
    await writeFile(file, 'abcde');
    await expect(readFileCapped(file, 4)).rejects.toThrow(
      /"big\.csv" is 5 bytes; files larger than 4 bytes cannot be opened/,
    );
  });

  it('refuses a directory', async () => {
    await expect(readFileCapped(dir, 100)).rejects.toThrow();
  });
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temp files', async () => {
    const file = join(dir, 'report.csv');
    await writeFileAtomic(file, new Uint8Array([104, 105]));
    await writeFileAtomic(file, 'second');
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['report.csv']);
  });

  it('keeps the previous file intact, and removes the temp file, when the write fails midway', async () => {
    const file = join(dir, 'report.csv');
    await writeFile(file, 'previous');
    // Invalid data makes the write throw after the temp file exists: the failure path under test.
    await expect(writeFileAtomic(file, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['report.csv']);
  });

  it('fails (and cleans up) when the target is a directory, without touching it', async () => {
    const target = join(dir, 'sub');
    await writeFile(join(dir, 'keep'), 'x');
    await mkdir(target);
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep', 'sub']);
  });

  it('has a synchronous twin with the same guarantees', async () => {
    const file = join(dir, 's.json');
    writeFileAtomicSync(file, '{}');
    writeFileAtomicSync(file, '{"a":1}');
    expect(await readFile(file, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['s.json']);
  });
});
