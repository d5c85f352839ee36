import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeSecretKey,
  encodePublicKey,
  ENCRYPTED_SECRET_KEY_MESSAGE,
  formatKeyId,
} from '../core/minisign';
import type { Scratch } from './cli.test-support';
import { openScratch, requireMinisign, writeTaskInputs } from './cli.test-support';

let scratch: Scratch;
beforeEach(() => {
  scratch = openScratch();
});
afterEach(() => {
  scratch.dispose();
});

const modeOf = (path: string): number => statSync(path).mode & 0o777;

function minisign(args: string[], cwd = scratch.dir) {
  return spawnSync(requireMinisign(), args, { cwd, input: '', encoding: 'utf8', timeout: 15_000 });
}

describe('kpo keygen', () => {
  it('writes an unencrypted minisign secret key with mode 0600 and prints its .pub on stdout', async () => {
    const run = await scratch.kpo(['keygen', '-o', 'me.key']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(modeOf(scratch.path('me.key'))).toBe(0o600);
    const decoded = decodeSecretKey(scratch.read('me.key').toString('utf8'));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(run.stdout).toBe(encodePublicKey(decoded.key));
    expect(run.stdout).toMatch(
      new RegExp(
        `^untrusted comment: minisign public key ${formatKeyId(decoded.key.keyId)}\\nRW[A-Za-z0-9+/]{54}\\n$`,
      ),
    );
  });

  it('writes kpo.key by default and never overwrites a key without --force', async () => {
    expect((await scratch.kpo(['keygen'])).code).toBe(0);
    const first = scratch.read('kpo.key');
    expect(await scratch.kpo(['keygen'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kpo: kpo.key: already exists; use --force to replace it\n',
    });
    expect(scratch.read('kpo.key')).toEqual(first);

    scratch.write('loose.key', 'old');
    spawnSync('chmod', ['0644', scratch.path('loose.key')]);
    expect((await scratch.kpo(['keygen', '-o', 'loose.key', '--force'])).code).toBe(0);
    expect(scratch.read('loose.key').toString('utf8')).toMatch(
      /^untrusted comment: minisign unencrypted secret key\n/,
    );
    expect(modeOf(scratch.path('loose.key'))).toBe(0o600);
    expect(scratch.tree()).toEqual(['kpo.key', 'loose.key']);
  });

  it('makes keys minisign itself signs with, and whose signatures minisign -V accepts', async () => {
    const pub = (await scratch.kpo(['keygen', '-o', 'me.key'])).stdout;
    scratch.write('me.pub', pub);
    scratch.write('message.txt', 'tagmanifest contents\n');
    const sign = minisign(['-S', '-s', 'me.key', '-m', 'message.txt']);
    expect(sign.status, sign.stderr).toBe(0);
    const check = minisign(['-V', '-p', 'me.pub', '-m', 'message.txt']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('Signature and comment signature verified');
  });

  it('keygen → pack → minisign -V accepts the package signature with the key from kpo pubkey', async () => {
    expect((await scratch.kpo(['keygen', '-o', 'me.key'])).code).toBe(0);
    expect((await scratch.kpo(['pubkey', 'me.key', '-o', 'me.pub'])).code).toBe(0);
    expect((await scratch.kpo(writeTaskInputs(scratch, 'me.key'))).code).toBe(0);
    expect(spawnSync('unzip', ['-q', 'task.kpo', '-d', 'unzipped'], { cwd: scratch.dir }).status).toBe(0);
    const [bagDir] = scratch.tree('unzipped')[0]?.split('/') ?? [];
    const check = minisign(
      ['-V', '-p', scratch.path('me.pub'), '-m', 'tagmanifest-sha512.txt'],
      scratch.path(`unzipped/${bagDir ?? ''}`),
    );
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('kind=task task=task-2025-001');
  });

  it('rejects positional arguments', async () => {
    expect((await scratch.kpo(['keygen', 'me.key'])).code).toBe(64);
    expect(scratch.tree()).toEqual([]);
  });
});

describe('kpo pubkey', () => {
  it('prints the .pub of a key made by minisign -G -W, identical to the one minisign wrote', async () => {
    const made = minisign(['-G', '-W', '-p', 'theirs.pub', '-s', 'theirs.key']);
    expect(made.status, made.stderr).toBe(0);
    const run = await scratch.kpo(['pubkey', 'theirs.key']);
    expect(run.code).toBe(0);
    // Same base64 key line; the comment's key id may differ only by minisign 0.11's dropped leading zeros.
    expect(run.stdout.split('\n')[1]).toBe(scratch.read('theirs.pub').toString('utf8').split('\n')[1]);
  });

  it('writes -o with mode 0644, refuses to overwrite without --force', async () => {
    await scratch.kpo(['keygen', '-o', 'me.key']);
    expect(await scratch.kpo(['pubkey', 'me.key', '-o', 'me.pub'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(modeOf(scratch.path('me.pub'))).toBe(0o644);
    expect((await scratch.kpo(['pubkey', 'me.key', '-o', 'me.pub'])).stderr).toBe(
      'kpo: me.pub: already exists; use --force to replace it\n',
    );
    expect((await scratch.kpo(['pubkey', 'me.key', '-o', 'me.pub', '--force'])).code).toBe(0);
  });

  it('names the key file and the reason when it is not a usable secret key', async () => {
    const made = minisign(['-G', '-W', '-p', 'theirs.pub', '-s', 'theirs.key']);
    expect(made.status, made.stderr).toBe(0);
    expect(await scratch.kpo(['pubkey', 'theirs.pub'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kpo: theirs.pub: the secret key has the wrong length: 42 bytes, expected 158\n',
    });
    // A password-protected key: minisign's own -G with a password read from stdin.
    const encrypted = spawnSync(requireMinisign(), ['-G', '-p', 'enc.pub', '-s', 'enc.key'], {
      cwd: scratch.dir,
      input: 'pw\npw\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(encrypted.status, encrypted.stderr).toBe(0);
    expect((await scratch.kpo(['pubkey', 'enc.key'])).stderr).toBe(
      `kpo: enc.key: ${ENCRYPTED_SECRET_KEY_MESSAGE}\n`,
    );
    expect((await scratch.kpo(['pubkey', 'nope.key'])).stderr).toBe(
      'kpo: nope.key: no such file or directory\n',
    );
  });
});
