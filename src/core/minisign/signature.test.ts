import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './bytes';
import { createSignature } from './createSignature';
import { formatKeyId } from './keyId';
import { encodePublicKey } from './publicKey';
import type { MinisignSecretKey } from './secretKey';
import { generateKeyPairBytes, signWithSecretKey } from './secretKey';
import { parseSignature } from './signatureFile';
import { verifySignature } from './verifySignature';

const message = new TextEncoder().encode('manifest-sha512.txt\n');
const signer = generateKeyPairBytes();

async function signed(
  bytes: Uint8Array,
  options: { key?: MinisignSecretKey; trustedComment?: string; legacy?: boolean } = {},
): Promise<string> {
  const key = options.key ?? signer;
  return createSignature({
    message: bytes,
    keyId: key.keyId,
    sign: signWithSecretKey(key.secretKey),
    trustedComment: options.trustedComment ?? 'timestamp:1700000000\tfile:manifest-sha512.txt',
    legacy: options.legacy ?? false,
  });
}

/** Flips one bit of the decoded base64 on the given line, keeping the file well-formed. */
function flipByteOnLine(text: string, lineIndex: number, byteIndex: number): string {
  const lines = text.split('\n');
  const bytes = decodeBase64(lines[lineIndex]!)!;
  bytes[byteIndex] = bytes[byteIndex]! ^ 0x01;
  lines[lineIndex] = encodeBase64(bytes);
  return lines.join('\n');
}

describe('createSignature', () => {
  it('writes the four minisign lines, prehashed "ED" by default', async () => {
    const text = await signed(message, { trustedComment: 'ok' });
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('untrusted comment: signature from minisign secret key');
    expect(lines[2]).toBe('trusted comment: ok');
    expect(lines[4]).toBe('');
    expect(String.fromCharCode(...decodeBase64(lines[1]!)!.subarray(0, 2))).toBe('ED');
    expect(decodeBase64(lines[1]!)!.subarray(2, 10)).toEqual(signer.keyId);
  });

  it('writes "Ed" and signs the raw message when legacy is requested', async () => {
    const parsed = parseSignature(await signed(message, { legacy: true }));
    expect(parsed).toMatchObject({ ok: true, signature: { algorithm: 'Ed' } });
  });

  it.each([
    ['trusted', { trustedComment: 'line one\nline two' }, 'single line'],
    ['trusted', { trustedComment: 'carriage\rreturn' }, 'single line'],
    ['untrusted', { untrustedComment: 'a\nb' }, 'single line'],
    ['trusted', { trustedComment: 'nul\0byte' }, 'NUL'],
    ['trusted', { trustedComment: 'x'.repeat(8174) }, 'at most 8173'],
    ['untrusted', { untrustedComment: 'x'.repeat(1004) }, 'at most 1003'],
  ])('refuses a %s comment minisign could not read back (%j)', async (_kind, comments, expectedError) => {
    await expect(
      createSignature({
        message,
        keyId: signer.keyId,
        sign: signWithSecretKey(signer.secretKey),
        trustedComment: 'fine',
        ...comments,
      }),
    ).rejects.toThrow(expectedError);
  });

  it('refuses a signer that does not return a 64-byte Ed25519 signature', async () => {
    await expect(
      createSignature({
        message,
        keyId: signer.keyId,
        sign: async (bytes) => Promise.resolve(bytes.slice(0, 10)),
        trustedComment: 'x',
      }),
    ).rejects.toThrow('returned 10 bytes');
  });
});

describe('verifySignature', () => {
  it.each([false, true])('accepts a genuine signature (legacy: %s)', async (legacy) => {
    const result = verifySignature({
      message,
      signature: await signed(message, { legacy, trustedComment: 'Prüfung ✓' }),
      publicKey: encodePublicKey(signer),
    });
    expect(result).toEqual({
      ok: true,
      algorithm: legacy ? 'Ed' : 'ED',
      keyId: signer.keyId,
      trustedComment: 'Prüfung ✓',
      untrustedComment: 'signature from minisign secret key',
    });
  });

  it('accepts CRLF signature files', async () => {
    const text = (await signed(message)).replaceAll('\n', '\r\n');
    expect(verifySignature({ message, signature: text, publicKey: signer }).ok).toBe(true);
  });

  it('ignores edits to the untrusted comment, which nothing signs', async () => {
    const text = (await signed(message)).replace('signature from', 'edited by anyone');
    expect(verifySignature({ message, signature: text, publicKey: signer })).toMatchObject({
      ok: true,
      untrustedComment: 'edited by anyone minisign secret key',
    });
  });

  describe('tampering', () => {
    it.each([false, true])('one changed byte in the message → bad-signature (legacy: %s)', async (legacy) => {
      const signature = await signed(message, { legacy });
      const altered = message.slice();
      altered[3] = altered[3]! ^ 0x20;
      expect(verifySignature({ message: altered, signature, publicKey: signer })).toMatchObject({
        ok: false,
        code: 'bad-signature',
      });
    });

    it('one changed byte in the signature → bad-signature', async () => {
      const signature = flipByteOnLine(await signed(message), 1, 40);
      expect(verifySignature({ message, signature, publicKey: signer })).toMatchObject({
        ok: false,
        code: 'bad-signature',
      });
    });

    it('one changed byte in the global signature → bad-global-signature', async () => {
      const signature = flipByteOnLine(await signed(message), 3, 5);
      expect(verifySignature({ message, signature, publicKey: signer })).toMatchObject({
        ok: false,
        code: 'bad-global-signature',
      });
    });

    it('one changed character in the trusted comment → bad-global-signature', async () => {
      const signature = (await signed(message, { trustedComment: 'approved:yes' })).replace(
        'approved:yes',
        'approved:yet',
      );
      expect(verifySignature({ message, signature, publicKey: signer })).toMatchObject({
        ok: false,
        code: 'bad-global-signature',
      });
    });

    it('trailing whitespace added to the trusted comment → bad-global-signature (it is signed too)', async () => {
      const signature = (await signed(message, { trustedComment: 'x' })).replace(
        'trusted comment: x\n',
        'trusted comment: x \n',
      );
      expect(verifySignature({ message, signature, publicKey: signer })).toMatchObject({
        ok: false,
        code: 'bad-global-signature',
      });
    });

    it('an unknown algorithm tag → malformed, naming the tag', async () => {
      const signature = flipByteOnLine(await signed(message), 1, 1); // "ED" becomes "EE"
      expect(verifySignature({ message, signature, publicKey: signer })).toMatchObject({
        ok: false,
        code: 'malformed',
        reason: 'unknown signature algorithm "EE", expected "ED" or "Ed"',
      });
    });

    it('a prehashed signature relabelled legacy ("ED" → "Ed") → bad-signature', async () => {
      const lines = (await signed(message)).split('\n');
      const bytes = decodeBase64(lines[1]!)!;
      bytes[1] = 0x64; // "d": now claims the raw message was signed
      lines[1] = encodeBase64(bytes);
      expect(verifySignature({ message, signature: lines.join('\n'), publicKey: signer })).toMatchObject({
        ok: false,
        code: 'bad-signature',
      });
    });

    it('a signature from another key with a different id → key-mismatch naming both ids', async () => {
      const other = generateKeyPairBytes();
      const result = verifySignature({
        message,
        signature: await signed(message, { key: other }),
        publicKey: signer,
      });
      expect(result).toEqual({
        ok: false,
        code: 'key-mismatch',
        reason: `the signature was made with key ${formatKeyId(other.keyId)} but the public key is ${formatKeyId(signer.keyId)}`,
      });
    });

    it('a signature from another key claiming our key id → bad-signature', async () => {
      const impostor = { ...generateKeyPairBytes(), keyId: signer.keyId };
      expect(
        verifySignature({ message, signature: await signed(message, { key: impostor }), publicKey: signer }),
      ).toMatchObject({ ok: false, code: 'bad-signature' });
    });
  });

  it.each([
    ['empty', '', 'the signature is empty'],
    [
      'three lines',
      'untrusted comment: a\nRUQ=\ntrusted comment: b\n',
      'a minisign signature has 4 lines, this one has 3',
    ],
    [
      'missing untrusted prefix',
      'comment: a\nAAAA\ntrusted comment: b\nAAAA\n',
      'line 1 of the signature should start with "untrusted comment: "',
    ],
    [
      'missing trusted prefix',
      'untrusted comment: a\nAAAA\ncomment: b\nAAAA\n',
      'line 3 of the signature should start with "trusted comment: "',
    ],
    [
      'bad base64 on line 2',
      'untrusted comment: a\n!!!!\ntrusted comment: b\nAAAA\n',
      'line 2 of the signature is not valid base64',
    ],
    [
      'short line 2',
      'untrusted comment: a\nAAAA\ntrusted comment: b\nAAAA\n',
      'line 2 of the signature has the wrong length: 3 bytes, expected 74',
    ],
  ])('reports a malformed signature file: %s', (_label, text, reason) => {
    expect(verifySignature({ message, signature: text, publicKey: signer })).toEqual({
      ok: false,
      code: 'malformed',
      reason,
    });
  });

  it('reports a wrong public key text as invalid-public-key, not as a bad signature', async () => {
    expect(
      verifySignature({ message, signature: await signed(message), publicKey: 'not a key' }),
    ).toMatchObject({ ok: false, code: 'invalid-public-key' });
  });

  it('reports content after the global signature as malformed', async () => {
    const text = `${await signed(message)}extra line\n`;
    expect(verifySignature({ message, signature: text, publicKey: signer })).toMatchObject({
      ok: false,
      code: 'malformed',
      reason: expect.stringContaining('after line 4') as string,
    });
  });

  it('round-trips sign → verify for random messages and comments, and fails for any other message', async () => {
    const key = generateKeyPairBytes();
    const singleLine = fc.string({ maxLength: 40 }).filter((text) => !/[\r\n\0]/.test(text));
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        singleLine,
        fc.boolean(),
        async (bytes, otherBytes, trustedComment, legacy) => {
          const signature = await signed(bytes, { key, trustedComment, legacy });
          expect(verifySignature({ message: bytes, signature, publicKey: key })).toMatchObject({
            ok: true,
            trustedComment,
          });
          fc.pre(encodeBase64(otherBytes) !== encodeBase64(bytes));
          expect(verifySignature({ message: otherBytes, signature, publicKey: key })).toMatchObject({
            ok: false,
            code: 'bad-signature',
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
