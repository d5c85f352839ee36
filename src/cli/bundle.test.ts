// Runs the built executable, out/cli/kpo.js, as users and scripts do. npm test builds it before the
// unit tests (scripts/test.mjs); on its own, run `npm run build:cli` first. A missing bundle fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scratch } from './cli.test-support';
import { makeKeys, openScratch, writeSamplePackage } from './cli.test-support';
import { globalHelp } from './cli';

const BUNDLE = resolve(import.meta.dirname, '../../out/cli/kpo.js');

function bundle(args: string[], cwd: string) {
  if (!existsSync(BUNDLE))
    throw new Error(`${BUNDLE} is missing: run npm run build:cli (npm test builds it first)`);
  return spawnSync(BUNDLE, args, { cwd, encoding: 'utf8', timeout: 30_000 });
}

let scratch: Scratch;
beforeEach(() => {
  scratch = openScratch();
});
afterEach(() => {
  scratch.dispose();
});

describe('the built kpo executable', () => {
  it('runs directly (shebang, executable bit) and prints the same help as the source', () => {
    const run = bundle(['--help'], scratch.dir);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(globalHelp());
  });

  it('keygen, pubkey and verify work end to end with their exit codes', async () => {
    expect(bundle(['keygen', '-o', 'me.key'], scratch.dir).status).toBe(0);
    expect(bundle(['pubkey', 'me.key', '-o', 'me.pub'], scratch.dir).status).toBe(0);
    const keys = makeKeys();
    await writeSamplePackage(scratch, 'task.kpo', 'task', keys);
    scratch.write('cora.pub', keys.coordinator.trusted.publicKey);
    expect(bundle(['verify', 'task.kpo', '--trust', 'cora.pub'], scratch.dir).status).toBe(0);
    const untrusted = bundle(['verify', 'task.kpo', '--trust', 'me.pub'], scratch.dir);
    expect(untrusted.status).toBe(2);
    expect(untrusted.stdout).toContain('NOT TRUSTED');
    scratch.write('broken.kpo', 'PK');
    const invalid = bundle(['verify', 'broken.kpo'], scratch.dir);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/^kpo: broken\.kpo: \(archive\): /);
    expect(bundle(['frobnicate'], scratch.dir).status).toBe(64);
  });
});
