import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { createSignature } from './createSignature';
import { formatKeyId } from './keyId';
import { verifySignature } from './verifySignature';
import { generateSigningIdentity, webCryptoSigner } from './webcrypto';

describe('generateSigningIdentity', () => {
  it('makes a non-extractable Ed25519 private key and a raw 32-byte public key', async () => {
    const identity = await generateSigningIdentity();
    expect(identity.privateKey.extractable).toBe(false);
    expect(identity.privateKey.algorithm.name).toBe('Ed25519');
    expect(identity.privateKey.usages).toEqual(['sign']);
    expect(identity.publicKey).toHaveLength(32);
    expect(identity.keyId).toHaveLength(8);
    await expect(globalThis.crypto.subtle.exportKey('pkcs8', identity.privateKey)).rejects.toThrow();
  });

  it('gives each identity its own key and key id', async () => {
    const [a, b] = await Promise.all([generateSigningIdentity(), generateSigningIdentity()]);
    expect(a.publicKey).not.toEqual(b.publicKey);
    expect(formatKeyId(a.keyId)).not.toBe(formatKeyId(b.keyId));
  });
});

describe('webCryptoSigner', () => {
  it('signs bytes that @noble verifies against the exported public key', async () => {
    const identity = await generateSigningIdentity();
    const bytes = new TextEncoder().encode('bag-info.txt');
    const signature = await webCryptoSigner(identity.privateKey)(bytes);
    expect(ed25519.verify(signature, bytes, identity.publicKey)).toBe(true);
  });

  it('feeds createSignature, and the result verifies only with its own public key', async () => {
    const identity = await generateSigningIdentity();
    const stranger = await generateSigningIdentity();
    const message = new TextEncoder().encode('tagmanifest');
    const signature = await createSignature({
      message,
      keyId: identity.keyId,
      sign: webCryptoSigner(identity.privateKey),
      trustedComment: 'signoff',
    });
    expect(verifySignature({ message, signature, publicKey: identity })).toMatchObject({ ok: true });
    expect(
      verifySignature({ message, signature, publicKey: { ...stranger, keyId: identity.keyId } }),
    ).toMatchObject({ ok: false, code: 'bad-signature' });
  });
});
