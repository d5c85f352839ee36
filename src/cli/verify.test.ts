import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodePublicKey } from '../core/minisign';
import { flipByte } from '../core/package/tamper.test-support';
import type { Keys, Scratch } from './cli.test-support';
import { makeKeys, openScratch, writeSamplePackage, writeZippedBag } from './cli.test-support';

let keys: Keys;
let scratch: Scratch;
let packageId: string;

beforeAll(() => {
  keys = makeKeys();
});
beforeEach(async () => {
  scratch = openScratch();
  packageId = (await writeSamplePackage(scratch, 'task.kpo', 'task', keys)).packageId;
  scratch.write('keys/cora.pub', encodePublicKey(keys.coordinator.secret));
  scratch.write('keys/ada.pub', encodePublicKey(keys.analyst.secret));
  scratch.write('other/rex.pub', encodePublicKey(keys.reviewer.secret));
});
afterEach(() => {
  scratch.dispose();
});

describe('kpo verify', () => {
  it('exits 0 when the signer is trusted, naming the trusted key file', async () => {
    const run = await scratch.kpo(['verify', 'task.kpo', '--trust', 'keys/cora.pub']);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: `task.kpo: trusted: signed by cora (${keys.coordinator.keyId})\n  task package ${packageId}, for task task-2025-001, bagged 2025-03-04\n`,
    });
  });

  it('trusts every .pub in a --trust directory, and several --trust options add up', async () => {
    expect((await scratch.kpo(['verify', '--trust', 'keys', 'task.kpo'])).code).toBe(0);
    expect((await scratch.kpo(['verify', '--trust', 'other', '--trust', 'keys', 'task.kpo'])).code).toBe(0);
  });

  it('exits 2 for a valid package signed by a key nobody trusts', async () => {
    for (const trust of [[], ['--trust', 'other/rex.pub']]) {
      const run = await scratch.kpo(['verify', 'task.kpo', ...trust]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain(`NOT TRUSTED: signed by key ${keys.coordinator.keyId}`);
    }
  });

  it('exits 1 for a tampered package and names the changed file on stderr', async () => {
    const files = await writeSamplePackage(scratch, 'ignored.kpo', 'task', keys);
    flipByte(files, 'data/datasets/sales.csv', 10);
    writeZippedBag(scratch, 'tampered.kpo', files, files.packageId);
    const run = await scratch.kpo(['verify', 'tampered.kpo', '--trust', 'keys']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^tampered\.kpo: INVALID: \d+ errors?\n/);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^kpo: tampered\.kpo: \S+: .+ \[.+\]$/);
    expect(run.stderr).toMatch(/^kpo: tampered\.kpo: data\/datasets\/sales\.csv: .*checksum-mismatch\]$/m);
  });

  it('exits 1 for a deliverable its analyst approved, naming the four-eyes rule as the app does', async () => {
    await writeSamplePackage(scratch, 'self-approved.kpo', 'deliverable', {
      ...keys,
      reviewer: keys.analyst,
    });
    const run = await scratch.kpo(['verify', 'self-approved.kpo', '--trust', 'keys']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^kpo: self-approved\.kpo: data\/signoffs\.json: .*analyst's own key.*signoff-self-approval\]$/m,
    );
  });

  it('exits 1 for a file that is not a zip at all', async () => {
    scratch.write('junk.kpo', 'hello, not a zip');
    const run = await scratch.kpo(['verify', 'junk.kpo']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kpo: junk\.kpo: \(archive\): .*not-a-zip\]$/m);
  });

  it('--json prints the verification as one JSON document', async () => {
    const run = await scratch.kpo(['verify', 'task.kpo', '--json', '--trust', 'keys']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      file: 'task.kpo',
      status: 'trusted',
      exitCode: 0,
      signer: { keyId: keys.coordinator.keyId, name: 'cora' },
      package: {
        kind: 'task',
        taskId: 'task-2025-001',
        packageId,
        formatVersion: '1.0',
        baggingDate: '2025-03-04',
      },
      findings: [],
    });
    const untrusted = JSON.parse((await scratch.kpo(['verify', 'task.kpo', '--json'])).stdout) as unknown;
    expect(untrusted).toMatchObject({
      status: 'unknown-signer',
      exitCode: 2,
      signer: { keyId: keys.coordinator.keyId },
    });
  });

  it('--json lists each finding of an invalid package with its file, rule and code', async () => {
    const files = await writeSamplePackage(scratch, 'ignored.kpo', 'task', keys);
    flipByte(files, 'data/task.json', 5);
    writeZippedBag(scratch, 'bad.kpo', files, files.packageId);
    const run = await scratch.kpo(['verify', 'bad.kpo', '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { status: string; exitCode: number; findings: unknown[] };
    expect(report.status).toBe('invalid');
    expect(report.exitCode).toBe(1);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'data/task.json', code: 'checksum-mismatch' }),
    );
  });

  it('verifies an unzipped package directory the same way', async () => {
    expect(spawnSync('unzip', ['-q', 'task.kpo', '-d', 'unzipped'], { cwd: scratch.dir }).status).toBe(0);
    const run = await scratch.kpo(['verify', `unzipped/${packageId}`, '--trust', 'keys']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('trusted: signed by cora');
  });

  it('accepts a plain third-party bag directory (made with sha256sum) as valid but unsigned: exit 2', async () => {
    scratch.write('bag/bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    scratch.write(
      'bag/bag-info.txt',
      'Source-Organization: Example University Library\nBagging-Date: 2019-06-30\n',
    );
    scratch.write('bag/data/report.md', '# Report\n');
    scratch.write('bag/data/nested/values.csv', 'a,b\r\n1,2\r\n');
    const manifest = spawnSync('sha256sum', ['data/nested/values.csv', 'data/report.md'], {
      cwd: scratch.path('bag'),
      encoding: 'utf8',
    });
    expect(manifest.status).toBe(0);
    scratch.write('bag/manifest-sha256.txt', manifest.stdout);

    const run = await scratch.kpo(['verify', 'bag']);
    expect(run).toEqual({
      code: 2,
      stderr: '',
      stdout:
        'bag: valid but UNSIGNED: nobody vouches for its origin\n  a plain BagIt bag (no KPO package labels)\n',
    });

    scratch.write('bag/data/report.md', '# Report, edited\n');
    const edited = await scratch.kpo(['verify', 'bag']);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/^kpo: bag: data\/report\.md: /m);
  });

  it('refuses a bag directory holding a symlink instead of following it', async () => {
    expect(spawnSync('unzip', ['-q', 'task.kpo', '-d', 'unzipped'], { cwd: scratch.dir }).status).toBe(0);
    scratch.write('outside-secret.txt', 'not part of any bag\n');
    symlinkSync(scratch.path('outside-secret.txt'), scratch.path(`unzipped/${packageId}/data/link.txt`));
    const run = await scratch.kpo(['verify', `unzipped/${packageId}`, '--trust', 'keys', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kpo: unzipped\/.+: data\/link\.txt: is a symbolic link; .*symlink\]$/m);
    const report = JSON.parse(run.stdout) as { status: string; findings: { file: string; code: string }[] };
    expect(report.status).toBe('invalid');
    expect(report.findings[0]).toMatchObject({ file: 'data/link.txt', code: 'symlink' });
  });

  it('reports an unreadable input or trust key as one line naming the file, exit 1', async () => {
    expect(await scratch.kpo(['verify', 'missing.kpo'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kpo: missing.kpo: no such file or directory\n',
    });
    scratch.write('keys/broken.pub', 'untrusted comment: x\nnot-a-key\n');
    const broken = await scratch.kpo(['verify', 'task.kpo', '--trust', 'keys']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^kpo: keys\/broken\.pub: the public key is not valid base64: .*\n$/);
    scratch.write('empty/readme.txt', 'no keys here');
    expect((await scratch.kpo(['verify', 'task.kpo', '--trust', 'empty'])).stderr).toBe(
      'kpo: empty: the directory holds no .pub files\n',
    );
  });

  it('exits 64 on a wrong command line', async () => {
    expect(await scratch.kpo(['verify'])).toEqual({
      code: 64,
      stdout: '',
      stderr: 'kpo: kpo verify: missing <file.kpo | bag-directory> (see kpo verify --help)\n',
    });
    const unknown = await scratch.kpo(['verify', 'task.kpo', '--trusted', 'x']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toBe("kpo: kpo verify: unknown option '--trusted' (see kpo verify --help)\n");
    expect((await scratch.kpo(['verify', 'a.kpo', 'b.kpo'])).code).toBe(64);
  });
});
