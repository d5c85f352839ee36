import { blake2b } from '@noble/hashes/blake2.js';
import {
  KEY_ID_BYTES,
  LEGACY_ALGORITHM,
  PREHASHED_ALGORITHM,
  SIGNATURE_BYTES,
  TRUSTED_COMMENT_PREFIX,
  UNTRUSTED_COMMENT_PREFIX,
} from './constants';
import { asciiBytes, concatBytes, encodeBase64, utf8Bytes } from './bytes';
import { assertWritableComment } from './comments';

/** Signs raw bytes with Ed25519; WebCrypto, a noble secret key, or anything else. */
export type Ed25519Sign = (bytes: Uint8Array) => Promise<Uint8Array>;

export interface CreateSignatureOptions {
  readonly message: Uint8Array;
  readonly keyId: Uint8Array;
  readonly sign: Ed25519Sign;
  /** Covered by the global signature; one line. */
  readonly trustedComment: string;
  /** Not covered by any signature; one line. Defaults to minisign's own default. */
  readonly untrustedComment?: string;
  /** Sign the raw message ("Ed") instead of its BLAKE2b-512 hash ("ED"). */
  readonly legacy?: boolean;
}

/** minisign's DEFAULT_COMMENT, so our files look like the tool's when nothing else is said. */
export const DEFAULT_UNTRUSTED_COMMENT = 'signature from minisign secret key';

/** Builds the .minisig text exactly as `minisign -S` would for the same key and comments. */
export async function createSignature(options: CreateSignatureOptions): Promise<string> {
  const untrustedComment = options.untrustedComment ?? DEFAULT_UNTRUSTED_COMMENT;
  assertWritableComment('untrusted', untrustedComment);
  assertWritableComment('trusted', options.trustedComment);
  if (options.keyId.length !== KEY_ID_BYTES) {
    throw new RangeError(`a minisign key id is ${KEY_ID_BYTES} bytes, got ${options.keyId.length}`);
  }

  const legacy = options.legacy ?? false;
  const signedBytes = legacy ? options.message : blake2b(options.message);
  const signature = checkedSignature(await options.sign(signedBytes));
  const globalSignature = checkedSignature(
    await options.sign(concatBytes(signature, utf8Bytes(options.trustedComment))),
  );

  const algorithm = asciiBytes(legacy ? LEGACY_ALGORITHM : PREHASHED_ALGORITHM);
  return [
    `${UNTRUSTED_COMMENT_PREFIX}${untrustedComment}`,
    encodeBase64(concatBytes(algorithm, options.keyId, signature)),
    `${TRUSTED_COMMENT_PREFIX}${options.trustedComment}`,
    encodeBase64(globalSignature),
    '',
  ].join('\n');
}

function checkedSignature(signature: Uint8Array): Uint8Array {
  if (signature.length !== SIGNATURE_BYTES) {
    throw new RangeError(
      `the signer returned ${signature.length} bytes; an Ed25519 signature is ${SIGNATURE_BYTES}`,
    );
  }
  return signature;
}
