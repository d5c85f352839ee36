import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './bytes';
import { formatKeyId } from './keyId';
import { encodePublicKey, encodePublicKeyBase64, parsePublicKey } from './publicKey';

// A key minisign 0.11 generated (minisign -G -W), kept verbatim.
const MINISIGN_PUB =
  'untrusted comment: minisign public key CE8480BCBF8B87DF\nRWTfh4u/vICEzger37meLVnIfMNZhUUZVCaf9H0ZdiHOa9UdVTiMMX/r\n';
const MINISIGN_KEY_LINE = 'RWTfh4u/vICEzger37meLVnIfMNZhUUZVCaf9H0ZdiHOa9UdVTiMMX/r';

function parsed(text: string) {
  const result = parsePublicKey(text);
  if (!result.ok) throw new Error(result.error);
  return result.key;
}

function errorOf(text: string): string {
  const result = parsePublicKey(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return result.error;
}

describe('formatKeyId', () => {
  it('reads the bytes as a little-endian integer, upper-case hex, 16 digits', () => {
    expect(formatKeyId(Uint8Array.of(0xdf, 0x87, 0x8b, 0xbf, 0xbc, 0x80, 0x84, 0xce))).toBe(
      'CE8480BCBF8B87DF',
    );
    expect(formatKeyId(Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0))).toBe('0000000000000001');
  });

  it('refuses a key id of the wrong size', () => {
    expect(() => formatKeyId(new Uint8Array(7))).toThrow('8 bytes, got 7');
  });
});

describe('parsePublicKey', () => {
  it('accepts a whole .pub file and re-encodes it byte for byte', () => {
    const key = parsed(MINISIGN_PUB);
    expect(formatKeyId(key.keyId)).toBe('CE8480BCBF8B87DF');
    expect(key.publicKey).toHaveLength(32);
    expect(encodePublicKey(key)).toBe(MINISIGN_PUB);
  });

  it.each([
    ['the base64 line alone', MINISIGN_KEY_LINE],
    ['CRLF line endings', MINISIGN_PUB.replaceAll('\n', '\r\n')],
    ['surrounding whitespace and blank lines', `\n\n  ${MINISIGN_PUB.replace('\n', '\n\t')}  \n\n`],
    ['no trailing newline', MINISIGN_PUB.trimEnd()],
  ])('accepts %s', (_label, text) => {
    expect(parsed(text)).toEqual(parsed(MINISIGN_PUB));
  });

  const validStruct = (): Uint8Array => {
    const bytes = new Uint8Array(42);
    bytes.set([0x45, 0x64]); // "Ed"
    return bytes;
  };

  it.each([
    ['empty', '', 'the public key is empty'],
    ['whitespace only', ' \r\n\t\n', 'the public key is empty'],
    ['a comment with no key', 'untrusted comment: minisign public key 1\n', 'no key line'],
    ['not base64', 'RWTfh4u/vICEzger37me*VnIfMNZhUUZVCaf9H0ZdiHOa9UdVTiMMX/r', 'not valid base64'],
    ['a truncated key', MINISIGN_KEY_LINE.slice(0, 52), 'wrong length: 39 bytes, expected 42'],
    [
      'a minisign signature pasted instead',
      'RUTfh4u/vICEzoyA83Xz0XwSkcN7Jh9dvo7KHIl14lL4qFJwv637fBSFFD8l8qbd/1r/Lyxg2HPKUkOlmy3wHCi8aa10Ys6HkQk=',
      'wrong length: 74 bytes, expected 42',
    ],
    [
      'an unknown algorithm',
      encodeBase64(Uint8Array.from([0x78, 0x78, ...validStruct().subarray(2)])),
      'unknown algorithm "xx", expected "Ed"',
    ],
    [
      'the prehashed signature tag as key algorithm',
      encodeBase64(Uint8Array.from([0x45, 0x44, ...validStruct().subarray(2)])),
      'unknown algorithm "ED", expected "Ed"',
    ],
    [
      'binary junk as algorithm',
      encodeBase64(Uint8Array.from([0x00, 0x0a, ...validStruct().subarray(2)])),
      'unknown algorithm "\\x00\\x0a"',
    ],
    ['two keys', `${MINISIGN_PUB}${MINISIGN_PUB}`, 'more than one (2 key lines)'],
    ['two bare key lines', `${MINISIGN_KEY_LINE}\n${MINISIGN_KEY_LINE}`, 'more than one'],
  ])('rejects %s with a specific error', (_label, text, expected) => {
    expect(errorOf(text)).toContain(expected);
  });
});

describe('encodePublicKey', () => {
  it('refuses keys of the wrong shape instead of writing a file minisign cannot read', () => {
    expect(() => encodePublicKeyBase64({ keyId: new Uint8Array(8), publicKey: new Uint8Array(31) })).toThrow(
      '32 bytes, got 31',
    );
    expect(() => encodePublicKey({ keyId: new Uint8Array(9), publicKey: new Uint8Array(32) })).toThrow(
      '8 bytes, got 9',
    );
  });

  it('round-trips through parsePublicKey for any key', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (keyId, publicKey) => {
          const text = encodePublicKey({ keyId, publicKey });
          expect(parsed(text)).toEqual({ keyId, publicKey });
          expect(parsed(encodePublicKeyBase64({ keyId, publicKey }))).toEqual({ keyId, publicKey });
          expect(text).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}\n[A-Za-z0-9+/]{56}\n$/);
        },
      ),
    );
  });
});
