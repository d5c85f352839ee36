import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './bytes';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes and decodes the RFC 4648 vector %j', (plain, encoded) => {
    expect(encodeBase64(ascii(plain))).toBe(encoded);
    expect(decodeBase64(encoded)).toEqual(ascii(plain));
  });

  it('uses the standard alphabet, as libsodium VARIANT_ORIGINAL does', () => {
    expect(encodeBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
  });

  it.each(['Zg', 'Zg=', 'Z===', 'Zh==', 'Zm9v\n', 'Zm-_', 'Zm=v', ' Zm9v'])(
    'refuses %j (unpadded, non-canonical or not base64)',
    (text) => {
      expect(decodeBase64(text)).toBeUndefined();
    },
  );

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
      }),
    );
  });
});
