import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodePublicKey } from '../core/minisign';
import { flipByte } from '../core/package/tamper.test-support';
import type { Keys, Scratch } from './cli.test-support';
import { makeKeys, openScratch, writeSamplePackage, writeZippedBag } from './cli.test-support';
import type { CliFs } from './io';
import { nodeFs } from './io';

let keys: Keys;
let scratch: Scratch;
let bag: Map<string, Uint8Array> & { packageId: string };

beforeAll(() => {
  keys = makeKeys();
});
beforeEach(async () => {
  scratch = openScratch();
  bag = await writeSamplePackage(scratch, 'submission.kpo', 'submission', keys);
  scratch.write('ada.pub', encodePublicKey(keys.analyst.secret));
});
afterEach(() => {
  scratch.dispose();
});

describe('kpo unpack', () => {
  it('extracts the verified bag into a new directory, byte for byte; the result verifies again', async () => {
    const run = await scratch.kpo(['unpack', 'submission.kpo', 'out', '--trust', 'ada.pub']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`unpacked ${bag.size} files into out`);
    expect(scratch.tree('out')).toEqual([...bag.keys()].sort());
    for (const [path, bytes] of bag) expect(new Uint8Array(scratch.read(`out/${path}`))).toEqual(bytes);
    expect((await scratch.kpo(['verify', 'out', '--trust', 'ada.pub'])).code).toBe(0);
    const sha = spawnSync('sha512sum', ['-c', '--strict', '--quiet', 'manifest-sha512.txt'], {
      cwd: scratch.path('out'),
    });
    expect(sha.status).toBe(0);
    // Nothing else appeared beside it (the staging directory was renamed into place).
    expect(readdirSync(scratch.dir).sort()).toEqual(['ada.pub', 'out', 'submission.kpo']);
  });

  it('unpacks into an existing empty directory; exit 2 when the signer is not trusted', async () => {
    nodeFs.mkdir(scratch.path('empty'));
    const run = await scratch.kpo(['unpack', 'submission.kpo', 'empty', '--json']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { status: string; directory: string; files: string[] };
    expect(report).toMatchObject({ status: 'unknown-signer', directory: 'empty' });
    expect(report.files).toEqual([...bag.keys()].sort());
    expect(scratch.tree('empty')).toEqual([...bag.keys()].sort());
  });

  it('refuses an invalid package and writes nothing', async () => {
    flipByte(bag, 'data/task.json', 20);
    writeZippedBag(scratch, 'bad.kpo', bag, bag.packageId);
    const before = readdirSync(scratch.dir).sort();
    const run = await scratch.kpo(['unpack', 'bad.kpo', 'out', '--trust', 'ada.pub']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^bad\.kpo: INVALID: \d+ errors?; nothing was unpacked\n$/);
    expect(run.stderr).toMatch(/^kpo: bad\.kpo: data\/task\.json: .*checksum-mismatch\]$/m);
    expect(readdirSync(scratch.dir).sort()).toEqual(before);
  });

  it('refuses a non-empty directory, a file in the way, and a bag directory as input', async () => {
    scratch.write('full/keep.txt', 'mine');
    expect(await scratch.kpo(['unpack', 'submission.kpo', 'full'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kpo: full: is not empty; unpack into a new or an empty directory\n',
    });
    expect(scratch.tree('full')).toEqual(['keep.txt']);
    expect((await scratch.kpo(['unpack', 'submission.kpo', 'ada.pub'])).stderr).toBe(
      'kpo: ada.pub: exists and is not a directory\n',
    );
    expect((await scratch.kpo(['unpack', 'full', 'x'])).stderr).toBe(
      'kpo: full: is a directory; expected a .kpo file\n',
    );
    expect((await scratch.kpo(['unpack', 'submission.kpo'])).code).toBe(64);
  });

  it('leaves nothing behind when writing fails part-way (a full disk)', async () => {
    let writes = 0;
    const failing: CliFs = {
      ...nodeFs,
      writeFile: (path, data, options) => {
        if (++writes === 4)
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        nodeFs.writeFile(path, data, options);
      },
    };
    const before = readdirSync(scratch.dir).sort();
    const run = await scratch.kpo(['unpack', 'submission.kpo', 'out'], failing);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'kpo: out: no space left on the device\n' });
    expect(writes).toBe(4);
    expect(readdirSync(scratch.dir).sort()).toEqual(before);
  });
});
