import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePublicKey } from '@core/minisign';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import { UserInputError } from './errors';
import { createIdentityRepository } from './identity-repository';
import { createTrustedKeysRepository } from './trusted-keys-repository';

let db: KpoDatabase;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = new KpoDatabase(`repository-test-${counter}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const ana = {
  displayName: '  Ana Analyst ',
  organisation: 'Northwind',
  email: 'ana@northwind.example',
  roles: ['analyst' as const],
};

describe('identity repository', () => {
  it('creates one profile with a non-extractable Ed25519 key whose public half minisign accepts', async () => {
    const identity = createIdentityRepository(db);
    const profile = await identity.createProfile(ana);
    expect(profile.displayName).toBe('Ana Analyst');
    expect(profile.keyId).toMatch(/^[0-9A-F]{16}$/);

    const key = await identity.getSigningKey();
    expect(key?.privateKey.extractable).toBe(false);
    expect(key?.privateKey.algorithm.name).toBe('Ed25519');

    const publicKeyText = await identity.publicKeyText();
    expect(publicKeyText).toContain(`minisign public key ${profile.keyId}`);
    const parsed = parsePublicKey(publicKeyText ?? '');
    expect(parsed.ok && parsed.key.publicKey).toEqual(key?.publicKey);

    // The stored key signs, and the real minisign verifies the result against the exported .pub.
    const dir = mkdtempSync(join(tmpdir(), 'kpo-identity-'));
    writeFileSync(join(dir, 'key.pub'), publicKeyText ?? '');
    writeFileSync(join(dir, 'message.txt'), 'hello');
    const { createSignature, webCryptoSigner } = await import('@core/minisign');
    const signature = await createSignature({
      message: readFileSync(join(dir, 'message.txt')),
      keyId: key?.keyIdBytes ?? new Uint8Array(8),
      sign: webCryptoSigner(key?.privateKey as CryptoKey),
      trustedComment: 'repository test',
    });
    writeFileSync(join(dir, 'message.txt.minisig'), signature);
    const output = execFileSync(
      'minisign',
      ['-V', '-p', join(dir, 'key.pub'), '-m', join(dir, 'message.txt')],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toContain('Signature and comment signature verified');
  });

  it('refuses a second profile and invalid input, naming the field', async () => {
    const identity = createIdentityRepository(db);
    await identity.createProfile(ana);
    await expect(identity.createProfile(ana)).rejects.toThrow('A profile already exists');
    await expect(identity.updateProfile({ ...ana, email: 'not-an-email' })).rejects.toMatchObject({
      field: 'email',
    });
    await expect(identity.updateProfile({ ...ana, roles: [] })).rejects.toBeInstanceOf(UserInputError);
    expect(await db.signingKeys.count()).toBe(1);
  });

  it('survives closing and reopening the database', async () => {
    const created = await createIdentityRepository(db).createProfile(ana);
    db.close();
    const reopened = new KpoDatabase(db.name);
    const identity = createIdentityRepository(reopened);
    expect((await identity.getProfile())?.keyId).toBe(created.keyId);
    expect((await identity.getSigningKey())?.privateKey.type).toBe('private');
    reopened.close();
  });
});

describe('trusted keys repository', () => {
  function minisignPublicKey(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kpo-trust-'));
    execFileSync('minisign', ['-G', '-W', '-p', join(dir, 'k.pub'), '-s', join(dir, 'k.key')], {
      stdio: 'pipe',
    });
    return readFileSync(join(dir, 'k.pub'), 'utf8');
  }

  it('adds a key minisign made, lists it by name and removes it', async () => {
    const trusted = createTrustedKeysRepository(db);
    const pub = minisignPublicKey();
    const added = await trusted.add({ publicKeyText: pub, name: 'Carla', role: 'coordinator' });
    // Debian's minisign 0.11 prints the id without leading zeros; we always show 16 digits.
    const printed = /minisign public key ([0-9A-F]+)\n/.exec(pub)?.[1] ?? '';
    expect(added.keyId).toBe(printed.padStart(16, '0'));
    await trusted.add({ publicKeyText: minisignPublicKey(), name: 'Bea', role: 'client' });
    expect((await trusted.list()).map((k) => k.name)).toEqual(['Bea', 'Carla']);
    await trusted.remove(added.keyId);
    expect((await trusted.list()).map((k) => k.name)).toEqual(['Bea']);
  });

  it('refuses malformed keys, duplicates and missing names without storing anything', async () => {
    const trusted = createTrustedKeysRepository(db);
    const pub = minisignPublicKey();
    await expect(trusted.add({ publicKeyText: 'garbage', name: 'X', role: 'analyst' })).rejects.toMatchObject(
      {
        field: 'publicKeyText',
        message: expect.stringContaining('Not a minisign public key') as unknown,
      },
    );
    await expect(trusted.add({ publicKeyText: pub, name: '   ', role: 'analyst' })).rejects.toMatchObject({
      field: 'name',
    });
    expect(await db.trustedKeys.count()).toBe(0);
    await trusted.add({ publicKeyText: pub, name: 'Carla', role: 'analyst' });
    await expect(trusted.add({ publicKeyText: pub, name: 'Again', role: 'analyst' })).rejects.toThrow(
      /already trusted as Carla/,
    );
    expect(await db.trustedKeys.count()).toBe(1);
  });
  it('adds this installation’s own key, named as you, for checking what was signed here', async () => {
    const trusted = createTrustedKeysRepository(db);
    expect(await trusted.verificationKeysWithOwn()).toEqual([]);
    const profile = await createIdentityRepository(db).createProfile(ana);
    await trusted.add({ publicKeyText: minisignPublicKey(), name: 'Carla', role: 'coordinator' });
    const keys = await trusted.verificationKeysWithOwn();
    expect(keys.map((k) => k.name)).toEqual(['Carla', 'Ana Analyst (you)']);
    const own = keys.find((k) => k.keyId === profile.keyId);
    expect(own?.publicKey).toBe(
      (await createIdentityRepository(db).publicKeyText())?.trim().split('\n').at(-1),
    );
    expect(await trusted.verificationKeys()).toHaveLength(1);
  });
});
