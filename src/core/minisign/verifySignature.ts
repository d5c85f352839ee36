import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { PREHASHED_ALGORITHM } from './constants';
import { bytesEqual, concatBytes, utf8Bytes } from './bytes';
import { formatKeyId } from './keyId';
import type { MinisignPublicKey } from './publicKey';
import { parsePublicKey } from './publicKey';
import type { SignatureAlgorithm } from './signatureFile';
import { parseSignature } from './signatureFile';

export interface VerifySignatureOptions {
  readonly message: Uint8Array;
  /** The .minisig file as text. */
  readonly signature: string;
  /** A parsed key, or a .pub file / base64 line as the user supplied it. */
  readonly publicKey: MinisignPublicKey | string;
}

export type VerifyFailureCode =
  /** The .minisig text is not a minisign signature. */
  | 'malformed'
  /** The public key text is not a minisign public key. */
  | 'invalid-public-key'
  /** Signed by a different key than the one we were given. */
  | 'key-mismatch'
  /** The message is not what was signed (or the signature bytes were altered). */
  | 'bad-signature'
  /** The message signature holds but the trusted comment was altered. */
  | 'bad-global-signature';

export type VerifySignatureResult =
  | {
      readonly ok: true;
      readonly algorithm: SignatureAlgorithm;
      readonly keyId: Uint8Array;
      readonly trustedComment: string;
      readonly untrustedComment: string;
    }
  | { readonly ok: false; readonly code: VerifyFailureCode; readonly reason: string };

/**
 * Checks a .minisig the way `minisign -V` does, in the same order, so our reasons match the
 * tool's: key id, then the message signature, then the signature over the trusted comment.
 * Both prehashed ("ED") and legacy ("Ed") signatures are accepted, as minisign does without -H.
 */
export function verifySignature(options: VerifySignatureOptions): VerifySignatureResult {
  const key = resolvePublicKey(options.publicKey);
  if (!key.ok) return failure('invalid-public-key', key.error);

  const parsed = parseSignature(options.signature);
  if (!parsed.ok) return failure('malformed', parsed.reason);
  const signature = parsed.signature;

  if (!bytesEqual(signature.keyId, key.key.keyId)) {
    return failure(
      'key-mismatch',
      `the signature was made with key ${formatKeyId(signature.keyId)} but the public key is ${formatKeyId(key.key.keyId)}`,
    );
  }

  const signedBytes =
    signature.algorithm === PREHASHED_ALGORITHM ? blake2b(options.message) : options.message;
  if (!ed25519Verify(signature.signature, signedBytes, key.key.publicKey)) {
    return failure('bad-signature', 'the signature does not match the file: it was changed after signing');
  }

  const globallySigned = concatBytes(signature.signature, utf8Bytes(signature.trustedComment));
  if (!ed25519Verify(signature.globalSignature, globallySigned, key.key.publicKey)) {
    return failure(
      'bad-global-signature',
      'the file is intact but the trusted comment was changed after signing',
    );
  }

  return {
    ok: true,
    algorithm: signature.algorithm,
    keyId: signature.keyId,
    trustedComment: signature.trustedComment,
    untrustedComment: signature.untrustedComment,
  };
}

function resolvePublicKey(
  publicKey: MinisignPublicKey | string,
): { ok: true; key: MinisignPublicKey } | { ok: false; error: string } {
  return typeof publicKey === 'string' ? parsePublicKey(publicKey) : { ok: true, key: publicKey };
}

/**
 * zip215 off: libsodium (and so minisign) rejects non-canonical encodings, and a signature one
 * verifier accepts and the other refuses would make `kpo verify` disagree with minisign -V.
 */
function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    // noble throws on structurally invalid points; for us that is simply "does not verify".
    return false;
  }
}

function failure(code: VerifyFailureCode, reason: string): VerifySignatureResult {
  return { ok: false, code, reason };
}
