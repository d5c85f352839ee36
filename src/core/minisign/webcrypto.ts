import type { Ed25519Sign } from './createSignature';
import { randomKeyId } from './keyId';

/**
 * The platform's CryptoKey, named through SubtleCrypto so this file compiles against both the DOM
 * lib (renderer) and @types/node (main, CLI), which declare it in different places.
 */
export type PlatformCryptoKey = Parameters<SubtleCrypto['sign']>[1];
type SubtleCrypto = typeof globalThis.crypto.subtle;

export interface SigningIdentity {
  readonly keyId: Uint8Array;
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** Non-extractable: it can sign, but its bytes never leave the crypto implementation. */
  readonly privateKey: PlatformCryptoKey;
}

const ED25519 = { name: 'Ed25519' } as const;

/** A fresh Ed25519 identity whose private key cannot be exported, even by our own code. */
export async function generateSigningIdentity(): Promise<SigningIdentity> {
  const subtle = globalThis.crypto.subtle;
  const keyPair = await subtle.generateKey(ED25519, false, ['sign', 'verify']);
  if (!('privateKey' in keyPair)) {
    throw new TypeError('WebCrypto returned a single key for Ed25519; expected a key pair');
  }
  const publicKey = new Uint8Array(await subtle.exportKey('raw', keyPair.publicKey));
  const keyId = randomKeyId();
  return { keyId, publicKey, privateKey: keyPair.privateKey };
}

/** Adapts a WebCrypto Ed25519 private key to createSignature's `sign`. */
export function webCryptoSigner(privateKey: PlatformCryptoKey): Ed25519Sign {
  return async (bytes) => {
    // A copy pins the buffer to a plain ArrayBuffer, which WebCrypto requires (not a shared one).
    const signature = await globalThis.crypto.subtle.sign(ED25519, privateKey, new Uint8Array(bytes));
    return new Uint8Array(signature);
  };
}
