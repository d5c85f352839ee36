// Interop with the real minisign binary: the point of this module is that files we write are
// accepted by `minisign -V` and files minisign writes are accepted by us, byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignature,
  decodeSecretKey,
  encodePublicKey,
  encodeSecretKey,
  formatKeyId,
  generateKeyPairBytes,
  generateSigningIdentity,
  parsePublicKey,
  signWithSecretKey,
  verifySignature,
  webCryptoSigner,
} from './index';
import type { MinisignPublicKey, MinisignSecretKey } from './index';
import type { MinisignWorkspace } from './minisignCli.testSupport';
import {
  MINISIGN_MISSING_MESSAGE,
  minisignIsInstalled,
  openMinisignWorkspace,
} from './minisignCli.testSupport';

const message = new TextEncoder().encode('tagmanifest-sha512.txt contents\nline two\n');
const unicodeComment = 'KPO-Task-Id:42\tanalyst:Zoë Müller ✓ 完了';

let workspace: MinisignWorkspace | undefined;

/**
 * The scratch workspace, or a failure naming the fix. Each test calls this, so a machine without
 * minisign shows every interop test as failed: skipped interop tests would look green in CI.
 */
function minisign(): MinisignWorkspace {
  if (workspace === undefined) throw new Error(MINISIGN_MISSING_MESSAGE);
  return workspace;
}

function minisignKeyIdSpellings(keyId: Uint8Array): string[] {
  const padded = formatKeyId(keyId);
  return [padded, padded.replace(/^0+(?=.)/, '')];
}

beforeAll(async () => {
  if (await minisignIsInstalled()) {
    workspace = await openMinisignWorkspace();
    workspace.write('message.txt', message);
  }
});

afterAll(() => {
  workspace?.dispose();
});

function parsedKey(text: string): MinisignPublicKey {
  const result = parsePublicKey(text);
  if (!result.ok) throw new Error(result.error);
  return result.key;
}

function decodedSecretKey(text: string): MinisignSecretKey {
  const result = decodeSecretKey(text);
  if (!result.ok) throw new Error(result.error);
  return result.key;
}

/** A key pair made by minisign itself, without a password. */
function minisignKeyPair(name: string): { publicKeyText: string; secretKeyText: string } {
  minisign().runOk(['-G', '-W', '-p', `${name}.pub`, '-s', `${name}.key`]);
  return {
    publicKeyText: minisign().readText(`${name}.pub`),
    secretKeyText: minisign().readText(`${name}.key`),
  };
}

describe('keys minisign generates', () => {
  it('parse, print the same key id, and re-encode to the identical .pub file', () => {
    const { publicKeyText } = minisignKeyPair('generated');
    const key = parsedKey(publicKeyText);
    const idInComment = /minisign public key ([0-9A-F]+)\n/.exec(publicKeyText)?.[1];
    expect(minisignKeyIdSpellings(key.keyId)).toContain(idInComment);
    if (idInComment === formatKeyId(key.keyId)) expect(encodePublicKey(key)).toBe(publicKeyText);
    expect(encodePublicKey(key).split('\n')[1]).toBe(publicKeyText.split('\n')[1]);
    // Users paste just the base64 line too.
    expect(parsedKey(publicKeyText.split('\n')[1]!)).toEqual(key);
  });

  it('decode with decodeSecretKey, matching the .pub file, and sign byte-identically to minisign -S', async () => {
    const { publicKeyText, secretKeyText } = minisignKeyPair('theirs');
    const secretKey = decodedSecretKey(secretKeyText);
    const publicKey = parsedKey(publicKeyText);
    expect(secretKey.keyId).toEqual(publicKey.keyId);
    expect(secretKey.publicKey).toEqual(publicKey.publicKey);

    for (const legacy of [false, true]) {
      const sigFile = `theirs-${String(legacy)}.minisig`;
      minisign().runOk([
        '-S',
        ...(legacy ? ['-l'] : []),
        '-s',
        'theirs.key',
        '-m',
        'message.txt',
        '-x',
        sigFile,
        '-t',
        unicodeComment,
      ]);
      const ours = await createSignature({
        message,
        keyId: secretKey.keyId,
        sign: signWithSecretKey(secretKey.secretKey),
        trustedComment: unicodeComment,
        legacy,
      });
      // Ed25519 is deterministic, so any difference is a format difference.
      expect(ours).toBe(minisign().readText(sigFile));
    }
  });
});

describe('key id printing', () => {
  it.each([
    ['no leading zero', [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0xf8], 'F807060504030201'],
    ['a most significant byte of zero', [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x00], '0007060504030201'],
    ['a single leading zero digit', [0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99, 0x0f], '0F99AABBCCDDEEFF'],
    ['all zero', [0, 0, 0, 0, 0, 0, 0, 0], '0000000000000000'],
  ])('prints %s as minisign -R does', (_label, keyIdBytes, expected) => {
    const keyPair = { ...generateKeyPairBytes(), keyId: Uint8Array.from(keyIdBytes) };
    expect(formatKeyId(keyPair.keyId)).toBe(expected);
    minisign().write('fixed-id.key', encodeSecretKey(keyPair));
    minisign().runOk(['-R', '-f', '-s', 'fixed-id.key', '-p', 'fixed-id.pub']);
    const [commentLine, keyLine] = minisign().readText('fixed-id.pub').split('\n');
    const [ourCommentLine, ourKeyLine] = encodePublicKey(keyPair).split('\n');
    expect(ourKeyLine).toBe(keyLine);
    const printedId = commentLine?.replace('untrusted comment: minisign public key ', '');
    expect(minisignKeyIdSpellings(keyPair.keyId)).toContain(printedId);
    expect(ourCommentLine).toBe(`untrusted comment: minisign public key ${expected}`);
  });

  it('gives our own keys ids that every minisign version prints identically', () => {
    for (let i = 0; i < 32; i++) {
      const keyPair = generateKeyPairBytes();
      minisign().write('ours-any-version.key', encodeSecretKey(keyPair));
      minisign().runOk(['-R', '-f', '-s', 'ours-any-version.key', '-p', 'ours-any-version.pub']);
      expect(minisign().readText('ours-any-version.pub')).toBe(encodePublicKey(keyPair));
    }
  });

  it('names both key ids in a key mismatch the way minisign -V does', async () => {
    const signer = generateKeyPairBytes();
    const other = generateKeyPairBytes();
    minisign().write('mismatch.pub', encodePublicKey(other));
    minisign().write(
      'mismatch.minisig',
      await createSignature({
        message,
        keyId: signer.keyId,
        sign: signWithSecretKey(signer.secretKey),
        trustedComment: 'x',
      }),
    );
    const verdict = minisign().run([
      '-V',
      '-p',
      'mismatch.pub',
      '-m',
      'message.txt',
      '-x',
      'mismatch.minisig',
    ]);
    expect(verdict.status).toBe(1);
    const [, signatureId, publicKeyId] =
      /key id in .* is ([0-9A-F]+)\nbut the key id in the public key is ([0-9A-F]+)\n/.exec(verdict.stderr) ??
      [];
    expect(minisignKeyIdSpellings(signer.keyId)).toContain(signatureId);
    expect(minisignKeyIdSpellings(other.keyId)).toContain(publicKeyId);

    const ours = verifySignature({
      message,
      signature: minisign().readText('mismatch.minisig'),
      publicKey: other,
    });
    expect(ours).toMatchObject({ ok: false, code: 'key-mismatch' });
    if (!ours.ok) {
      expect(ours.reason).toContain(formatKeyId(signer.keyId));
      expect(ours.reason).toContain(formatKeyId(other.keyId));
    }
  });
});

describe('signatures minisign makes', () => {
  it.each([
    ['prehashed (default)', [], 'ED'],
    ['legacy (-l)', ['-l'], 'Ed'],
  ] as const)('verify when %s, trusted comment included', (_label, flags, algorithm) => {
    const { publicKeyText } = minisignKeyPair(`signer-${algorithm}`);
    minisign().runOk([
      '-S',
      ...flags,
      '-s',
      `signer-${algorithm}.key`,
      '-m',
      'message.txt',
      '-x',
      `by-minisign-${algorithm}.minisig`,
      '-t',
      unicodeComment,
      '-c',
      'made by the real binary',
    ]);
    const signatureText = minisign().readText(`by-minisign-${algorithm}.minisig`);
    expect(verifySignature({ message, signature: signatureText, publicKey: publicKeyText })).toEqual({
      ok: true,
      algorithm,
      keyId: parsedKey(publicKeyText).keyId,
      trustedComment: unicodeComment,
      untrustedComment: 'made by the real binary',
    });
    expect(
      verifySignature({
        message,
        signature: signatureText.replace('完了', '未了'),
        publicKey: publicKeyText,
      }),
    ).toMatchObject({ ok: false, code: 'bad-global-signature' });
  });

  it("verify minisign's default trusted comment", () => {
    const { publicKeyText } = minisignKeyPair('defaults');
    minisign().runOk(['-S', '-s', 'defaults.key', '-m', 'message.txt', '-x', 'defaults.minisig']);
    const result = verifySignature({
      message,
      signature: minisign().readText('defaults.minisig'),
      publicKey: publicKeyText,
    });
    expect(result).toMatchObject({ ok: true, algorithm: 'ED' });
    if (result.ok) expect(result.trustedComment).toMatch(/^timestamp:\d+\tfile:message\.txt\thashed$/);
  });
});

describe('signatures we make', () => {
  it('from a non-extractable WebCrypto key pass minisign -V, and -V -H (prehash required)', async () => {
    const identity = await generateSigningIdentity();
    minisign().write('webcrypto.pub', encodePublicKey(identity));
    minisign().write(
      'message.txt.minisig',
      await createSignature({
        message,
        keyId: identity.keyId,
        sign: webCryptoSigner(identity.privateKey),
        trustedComment: unicodeComment,
      }),
    );
    for (const flags of [[], ['-H']]) {
      const result = minisign().runOk([
        '-V',
        ...flags,
        '-p',
        'webcrypto.pub',
        '-m',
        'message.txt',
        '-x',
        'message.txt.minisig',
      ]);
      expect(result.stdout).toBe(
        `Signature and comment signature verified\nTrusted comment: ${unicodeComment}\n`,
      );
    }
  });

  it('in legacy form pass minisign -V, and are refused by -H as minisign refuses its own', async () => {
    const identity = await generateSigningIdentity();
    minisign().write('legacy.pub', encodePublicKey(identity));
    minisign().write(
      'legacy.minisig',
      await createSignature({
        message,
        keyId: identity.keyId,
        sign: webCryptoSigner(identity.privateKey),
        trustedComment: 'legacy',
        legacy: true,
      }),
    );
    const args = ['-p', 'legacy.pub', '-m', 'message.txt', '-x', 'legacy.minisig'];
    minisign().runOk(['-V', ...args]);
    const prehashRequired = minisign().run(['-V', '-H', ...args]);
    expect(prehashRequired.status).toBe(1);
    expect(prehashRequired.stderr).toContain('Legacy (non-prehashed) signature found');
  });

  it('with a tampered trusted comment are rejected by minisign too', async () => {
    const identity = await generateSigningIdentity();
    minisign().write('tampered.pub', encodePublicKey(identity));
    const signature = await createSignature({
      message,
      keyId: identity.keyId,
      sign: webCryptoSigner(identity.privateKey),
      trustedComment: 'approved by reviewer',
    });
    const tampered = signature.replace('approved', 'rejected');
    minisign().write('tampered.minisig', tampered);
    const verdict = minisign().run([
      '-V',
      '-p',
      'tampered.pub',
      '-m',
      'message.txt',
      '-x',
      'tampered.minisig',
    ]);
    expect(verdict.status).toBe(1);
    expect(verdict.stderr).toContain('Comment signature verification failed');
    expect(verifySignature({ message, signature: tampered, publicKey: identity })).toMatchObject({
      ok: false,
      code: 'bad-global-signature',
    });
  });
});

describe('secret keys we encode', () => {
  it('are usable by minisign -S, and the result verifies with our code and matches ours exactly', async () => {
    const keyPair = generateKeyPairBytes();
    minisign().write('ours.key', encodeSecretKey(keyPair));
    minisign().write('ours.pub', encodePublicKey(keyPair));
    minisign().runOk([
      '-S',
      '-s',
      'ours.key',
      '-p',
      'ours.pub', // makes minisign check the pair before writing
      '-m',
      'message.txt',
      '-x',
      'ours.minisig',
      '-t',
      unicodeComment,
    ]);
    const signatureText = minisign().readText('ours.minisig');
    expect(verifySignature({ message, signature: signatureText, publicKey: keyPair })).toMatchObject({
      ok: true,
      algorithm: 'ED',
      trustedComment: unicodeComment,
    });
    const ours = await createSignature({
      message,
      keyId: keyPair.keyId,
      sign: signWithSecretKey(keyPair.secretKey),
      trustedComment: unicodeComment,
    });
    expect(ours).toBe(signatureText);
  });
});
