import {
  ALGORITHM_BYTES,
  KEY_ID_BYTES,
  LEGACY_ALGORITHM,
  PUBLIC_KEY_BYTES,
  PUBLIC_KEY_STRUCT_BYTES,
  UNTRUSTED_COMMENT_PREFIX,
} from './constants';
import {
  asciiBytes,
  asciiText,
  concatBytes,
  decodeBase64,
  encodeBase64,
  printableAscii,
  splitLines,
} from './bytes';
import { formatKeyId } from './keyId';

export interface MinisignPublicKey {
  /** 8 random bytes minisign uses to match signatures to keys. */
  readonly keyId: Uint8Array;
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
}

export type ParsePublicKeyResult =
  { readonly ok: true; readonly key: MinisignPublicKey } | { readonly ok: false; readonly error: string };

/** The exact .pub file minisign -G writes for this key. */
export function encodePublicKey(key: MinisignPublicKey): string {
  return `${UNTRUSTED_COMMENT_PREFIX}minisign public key ${formatKeyId(key.keyId)}\n${encodePublicKeyBase64(key)}\n`;
}

/** The single base64 line, as used with minisign -P. */
export function encodePublicKeyBase64(key: MinisignPublicKey): string {
  if (key.publicKey.length !== PUBLIC_KEY_BYTES) {
    throw new RangeError(`an Ed25519 public key is ${PUBLIC_KEY_BYTES} bytes, got ${key.publicKey.length}`);
  }
  formatKeyId(key.keyId); // validates the key id length with the same message everywhere
  return encodeBase64(concatBytes(asciiBytes(LEGACY_ALGORITHM), key.keyId, key.publicKey));
}

/**
 * Accepts a whole .pub file or only its base64 line, because users paste either. Anything else
 * gets an error naming what is wrong, for display next to the input.
 */
export function parsePublicKey(text: string): ParsePublicKeyResult {
  const lines = splitLines(text)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return failure('the public key is empty');

  // Comment lines carry nothing we need; dropping them wherever they are lets a pasted pair of
  // .pub files be reported as two keys rather than as a malformed one.
  const commentMarker = UNTRUSTED_COMMENT_PREFIX.trimEnd();
  const keyLines = lines.filter((line) => !line.startsWith(commentMarker));
  if (keyLines.length === 0) {
    return failure('the public key file has a comment line but no key line');
  }
  if (keyLines.length > 1) {
    return failure(`expected one public key, found more than one (${keyLines.length} key lines)`);
  }
  return parsePublicKeyBase64(keyLines[0] ?? '');
}

function parsePublicKeyBase64(line: string): ParsePublicKeyResult {
  const bytes = decodeBase64(line);
  if (bytes === undefined) {
    return failure(`the public key is not valid base64: "${abbreviate(line)}"`);
  }
  if (bytes.length !== PUBLIC_KEY_STRUCT_BYTES) {
    return failure(
      `the public key has the wrong length: ${bytes.length} bytes, expected ${PUBLIC_KEY_STRUCT_BYTES}`,
    );
  }
  const algorithmBytes = bytes.subarray(0, ALGORITHM_BYTES);
  if (asciiText(algorithmBytes) !== LEGACY_ALGORITHM) {
    return failure(
      `the public key has an unknown algorithm "${printableAscii(algorithmBytes)}", expected "${LEGACY_ALGORITHM}"`,
    );
  }
  const keyId = bytes.slice(ALGORITHM_BYTES, ALGORITHM_BYTES + KEY_ID_BYTES);
  const publicKey = bytes.slice(ALGORITHM_BYTES + KEY_ID_BYTES);
  return { ok: true, key: { keyId, publicKey } };
}

function failure(error: string): ParsePublicKeyResult {
  return { ok: false, error };
}

function abbreviate(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
