import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import {
  ALGORITHM_BYTES,
  KEY_ID_BYTES,
  LEGACY_ALGORITHM,
  PUBLIC_KEY_BYTES,
  SECRET_KEY_BYTES,
  UNTRUSTED_COMMENT_PREFIX,
} from './constants';
import {
  asciiBytes,
  asciiText,
  bytesEqual,
  concatBytes,
  decodeBase64,
  encodeBase64,
  printableAscii,
  splitLines,
} from './bytes';
import { assertWritableComment } from './comments';
import type { Ed25519Sign } from './createSignature';
import { randomKeyId } from './keyId';
import type { MinisignPublicKey } from './publicKey';

/**
 * minisign's SeckeyStruct: sig_alg(2) kdf_alg(2) chk_alg(2) kdf_salt(32) kdf_opslimit(8)
 * kdf_memlimit(8) keynum(8) sk(64) chk(32).
 */
const KDF_SALT_BYTES = 32;
const KDF_LIMIT_BYTES = 8;
const CHECKSUM_BYTES = 32;
const KEY_MATERIAL_OFFSET = ALGORITHM_BYTES * 3 + KDF_SALT_BYTES + KDF_LIMIT_BYTES * 2;
const SECRET_KEY_STRUCT_BYTES = KEY_MATERIAL_OFFSET + KEY_ID_BYTES + SECRET_KEY_BYTES + CHECKSUM_BYTES;

const CHECKSUM_ALGORITHM = 'B2';
const SCRYPT_KDF_ALGORITHM = 'Sc';
/** kdf_alg of a key stored without a password (minisign -G -W or -C -W). */
const NO_KDF = new Uint8Array(ALGORITHM_BYTES);

export const ENCRYPTED_SECRET_KEY_MESSAGE =
  'password-protected minisign keys are not supported; re-create with minisign -C -W or kpo keygen';

export const DEFAULT_SECRET_KEY_COMMENT = 'minisign unencrypted secret key';

export interface MinisignSecretKey extends MinisignPublicKey {
  /** libsodium layout: 32-byte Ed25519 seed followed by the 32-byte public key. */
  readonly secretKey: Uint8Array;
}

export type DecodeSecretKeyResult =
  { readonly ok: true; readonly key: MinisignSecretKey } | { readonly ok: false; readonly error: string };

/** A new key pair for the CLI, where WebCrypto's non-extractable keys cannot be saved to a file. */
export function generateKeyPairBytes(): MinisignSecretKey {
  const seed = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(seed);
  const keyId = randomKeyId();
  return { keyId, publicKey, secretKey: concatBytes(seed, publicKey) };
}

/**
 * The secret key file `minisign -G -W` writes, except that we fill in the checksum minisign
 * leaves zeroed for unencrypted keys, so a damaged file is detected by readers that check it.
 */
export function encodeSecretKey(
  key: MinisignSecretKey,
  comment: string = DEFAULT_SECRET_KEY_COMMENT,
): string {
  assertWritableComment('untrusted', comment);
  assertKeyShape(key);
  const header = concatBytes(
    asciiBytes(LEGACY_ALGORITHM),
    NO_KDF,
    asciiBytes(CHECKSUM_ALGORITHM),
    // Salt and limits only parameterise the password KDF; with no password they stay zero.
    new Uint8Array(KDF_SALT_BYTES + KDF_LIMIT_BYTES * 2),
  );
  const body = concatBytes(header, key.keyId, key.secretKey, secretKeyChecksum(key));
  return `${UNTRUSTED_COMMENT_PREFIX}${comment}\n${encodeBase64(body)}\n`;
}

/** Reads an unencrypted minisign secret key file; encrypted ones are refused with a way out. */
export function decodeSecretKey(text: string): DecodeSecretKeyResult {
  const lines = splitLines(text)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return failure('the secret key file is empty');
  if (!(lines[0] ?? '').startsWith(UNTRUSTED_COMMENT_PREFIX.trimEnd())) {
    return failure(`the secret key file should start with "${UNTRUSTED_COMMENT_PREFIX}"`);
  }
  if (lines.length !== 2) {
    return failure(`a minisign secret key file has 2 lines, this one has ${lines.length}`);
  }
  const bytes = decodeBase64(lines[1] ?? '');
  if (bytes === undefined) return failure('the secret key is not valid base64');
  if (bytes.length !== SECRET_KEY_STRUCT_BYTES) {
    return failure(
      `the secret key has the wrong length: ${bytes.length} bytes, expected ${SECRET_KEY_STRUCT_BYTES}`,
    );
  }

  const signatureAlgorithm = bytes.subarray(0, 2);
  const kdfAlgorithm = bytes.subarray(2, 4);
  const checksumAlgorithm = bytes.subarray(4, 6);
  if (asciiText(signatureAlgorithm) !== LEGACY_ALGORITHM) {
    return failure(
      `the secret key has an unknown algorithm "${printableAscii(signatureAlgorithm)}", expected "${LEGACY_ALGORITHM}"`,
    );
  }
  if (asciiText(kdfAlgorithm) === SCRYPT_KDF_ALGORITHM) return failure(ENCRYPTED_SECRET_KEY_MESSAGE);
  if (!bytesEqual(kdfAlgorithm, NO_KDF)) {
    return failure(`the secret key uses an unknown key derivation "${printableAscii(kdfAlgorithm)}"`);
  }
  if (asciiText(checksumAlgorithm) !== CHECKSUM_ALGORITHM) {
    return failure(
      `the secret key uses an unknown checksum "${printableAscii(checksumAlgorithm)}", expected "${CHECKSUM_ALGORITHM}"`,
    );
  }

  let offset = KEY_MATERIAL_OFFSET;
  const keyId = bytes.slice(offset, (offset += KEY_ID_BYTES));
  const secretKey = bytes.slice(offset, (offset += SECRET_KEY_BYTES));
  const storedChecksum = bytes.slice(offset, offset + CHECKSUM_BYTES);
  const key: MinisignSecretKey = { keyId, secretKey, publicKey: secretKey.slice(32) };

  // minisign -G -W never computes the checksum (it is only set while encrypting), so an all-zero
  // one is what a genuine unencrypted key looks like; any other value must be right.
  const checksumIsUnset = bytesEqual(storedChecksum, new Uint8Array(CHECKSUM_BYTES));
  if (!checksumIsUnset && !bytesEqual(storedChecksum, secretKeyChecksum(key))) {
    return failure('the secret key checksum does not match: the file is damaged');
  }
  // The zero checksum protects nothing, so check the embedded public key against the seed instead.
  if (!bytesEqual(ed25519.getPublicKey(secretKey.subarray(0, 32)), key.publicKey)) {
    return failure('the secret key is damaged: its public half does not match its seed');
  }
  return { ok: true, key };
}

/** Signs with raw key bytes, for createSignature in the CLI. */
export function signWithSecretKey(secretKey: Uint8Array): Ed25519Sign {
  if (secretKey.length !== SECRET_KEY_BYTES) {
    throw new RangeError(`a minisign secret key is ${SECRET_KEY_BYTES} bytes, got ${secretKey.length}`);
  }
  const seed = secretKey.slice(0, 32);
  // eslint-disable-next-line @typescript-eslint/require-await -- noble signs synchronously; Ed25519Sign is async only for WebCrypto's sake
  return async (bytes) => ed25519.sign(bytes, seed);
}

/** BLAKE2b-256(sig_alg ‖ keynum ‖ sk), minisign's seckey_compute_chk. */
function secretKeyChecksum(key: MinisignSecretKey): Uint8Array {
  return blake2b(concatBytes(asciiBytes(LEGACY_ALGORITHM), key.keyId, key.secretKey), {
    dkLen: CHECKSUM_BYTES,
  });
}

function assertKeyShape(key: MinisignSecretKey): void {
  if (key.keyId.length !== KEY_ID_BYTES) {
    throw new RangeError(`a minisign key id is ${KEY_ID_BYTES} bytes, got ${key.keyId.length}`);
  }
  if (key.secretKey.length !== SECRET_KEY_BYTES) {
    throw new RangeError(`a minisign secret key is ${SECRET_KEY_BYTES} bytes, got ${key.secretKey.length}`);
  }
  if (!bytesEqual(key.secretKey.subarray(32), key.publicKey) || key.publicKey.length !== PUBLIC_KEY_BYTES) {
    throw new RangeError('the secret key does not embed the given public key');
  }
}

function failure(error: string): DecodeSecretKeyResult {
  return { ok: false, error };
}
