import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { describe, expect, it } from 'vitest';
import { concatBytes, decodeBase64, encodeBase64 } from './bytes';
import {
  decodeSecretKey,
  ENCRYPTED_SECRET_KEY_MESSAGE,
  encodeSecretKey,
  generateKeyPairBytes,
  signWithSecretKey,
} from './secretKey';

// A key minisign 0.11 wrote with `minisign -G -W`, kept verbatim: note its all-zero checksum.
const MINISIGN_UNENCRYPTED_KEY =
  'untrusted comment: minisign encrypted secret key\nRWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA34eLv7yAhM58VyUrBh33wJmNEVg2Lz4RKOpHW/Jp/205VKEXKqWTRQer37meLVnIfMNZhUUZVCaf9H0ZdiHOa9UdVTiMMX/rAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
const MATCHING_PUBLIC_KEY_LINE = 'RWTfh4u/vICEzger37meLVnIfMNZhUUZVCaf9H0ZdiHOa9UdVTiMMX/r';

function decoded(text: string) {
  const result = decodeSecretKey(text);
  if (!result.ok) throw new Error(result.error);
  return result.key;
}

function errorOf(text: string): string {
  const result = decodeSecretKey(text);
  if (result.ok) throw new Error('expected the secret key to be rejected');
  return result.error;
}

/** Rewrites bytes of the key line, to build damaged or foreign variants of a valid file. */
function withKeyBytes(text: string, edit: (bytes: Uint8Array) => void): string {
  const [comment, line] = text.split('\n');
  const bytes = decodeBase64(line!)!;
  edit(bytes);
  return `${comment!}\n${encodeBase64(bytes)}\n`;
}

describe('decodeSecretKey', () => {
  it('reads the unencrypted key minisign -G -W wrote, zero checksum and all', () => {
    const key = decoded(MINISIGN_UNENCRYPTED_KEY);
    const publicKeyLine = encodeBase64(concatBytes(Uint8Array.of(0x45, 0x64), key.keyId, key.publicKey));
    expect(publicKeyLine).toBe(MATCHING_PUBLIC_KEY_LINE);
    expect(ed25519.getPublicKey(key.secretKey.subarray(0, 32))).toEqual(key.publicKey);
  });

  it("round-trips what encodeSecretKey writes, with minisign's BLAKE2b-256 checksum filled in", () => {
    const keyPair = generateKeyPairBytes();
    const text = encodeSecretKey(keyPair);
    expect(decoded(text)).toEqual(keyPair);
    const bytes = decodeBase64(text.split('\n')[1]!)!;
    expect(bytes).toHaveLength(158);
    expect(bytes.subarray(126)).toEqual(
      blake2b(concatBytes(Uint8Array.of(0x45, 0x64), keyPair.keyId, keyPair.secretKey), { dkLen: 32 }),
    );
    expect(text.startsWith('untrusted comment: minisign unencrypted secret key\n')).toBe(true);
  });

  it('refuses password-protected keys with a way out', () => {
    const encrypted = withKeyBytes(MINISIGN_UNENCRYPTED_KEY, (bytes) => {
      bytes.set([0x53, 0x63], 2);
    }); // "Sc"
    expect(errorOf(encrypted)).toBe(ENCRYPTED_SECRET_KEY_MESSAGE);
    expect(ENCRYPTED_SECRET_KEY_MESSAGE).toBe(
      'password-protected minisign keys are not supported; re-create with minisign -C -W or kpo keygen',
    );
  });

  it.each([
    ['empty', () => '', 'the secret key file is empty'],
    [
      'a public key file',
      () => `untrusted comment: pk\n${MATCHING_PUBLIC_KEY_LINE}\n`,
      'wrong length: 42 bytes, expected 158',
    ],
    [
      'no comment line',
      () => MINISIGN_UNENCRYPTED_KEY.split('\n')[1]!,
      'should start with "untrusted comment: "',
    ],
    ['bad base64', () => 'untrusted comment: x\nnot*base64\n', 'not valid base64'],
    [
      'an unknown key derivation',
      () =>
        withKeyBytes(MINISIGN_UNENCRYPTED_KEY, (bytes) => {
          bytes.set([0x41, 0x32], 2);
        }),
      'unknown key derivation "A2"',
    ],
    [
      'an unknown checksum',
      () =>
        withKeyBytes(MINISIGN_UNENCRYPTED_KEY, (bytes) => {
          bytes.set([0x42, 0x33], 4);
        }),
      'unknown checksum "B3"',
    ],
    [
      'a damaged seed (zero checksum cannot catch it)',
      () => withKeyBytes(MINISIGN_UNENCRYPTED_KEY, (bytes) => (bytes[70] = bytes[70]! ^ 1)),
      'public half does not match its seed',
    ],
    [
      'a wrong checksum',
      () => withKeyBytes(encodeSecretKey(generateKeyPairBytes()), (bytes) => (bytes[157] = bytes[157]! ^ 1)),
      'checksum does not match',
    ],
  ])('rejects %s', (_label, text, expected) => {
    expect(errorOf(text())).toContain(expected);
  });
});

describe('signWithSecretKey', () => {
  it('produces signatures the public half verifies', async () => {
    const keyPair = generateKeyPairBytes();
    const bytes = new TextEncoder().encode('payload');
    const signature = await signWithSecretKey(keyPair.secretKey)(bytes);
    expect(ed25519.verify(signature, bytes, keyPair.publicKey)).toBe(true);
  });

  it('refuses key material of the wrong size', () => {
    expect(() => signWithSecretKey(new Uint8Array(32))).toThrow('64 bytes, got 32');
  });
});

describe('encodeSecretKey', () => {
  it('refuses a key whose embedded public key does not match', () => {
    const keyPair = generateKeyPairBytes();
    expect(() => encodeSecretKey({ ...keyPair, publicKey: generateKeyPairBytes().publicKey })).toThrow(
      'does not embed the given public key',
    );
  });
});
