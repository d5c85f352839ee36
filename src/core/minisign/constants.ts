// Sizes and tags of minisign's binary structures (minisign.h), shared by every codec here.

export const KEY_ID_BYTES = 8;
export const PUBLIC_KEY_BYTES = 32;
/** libsodium layout: 32-byte seed followed by the 32-byte public key. */
export const SECRET_KEY_BYTES = 64;
export const SIGNATURE_BYTES = 64;
export const ALGORITHM_BYTES = 2;

/** Ed25519 over the raw message: minisign -l, and everything before 0.10. */
export const LEGACY_ALGORITHM = 'Ed';
/** Ed25519 over BLAKE2b-512(message): minisign's default since 0.10. */
export const PREHASHED_ALGORITHM = 'ED';

export const PUBLIC_KEY_STRUCT_BYTES = ALGORITHM_BYTES + KEY_ID_BYTES + PUBLIC_KEY_BYTES;
export const SIGNATURE_STRUCT_BYTES = ALGORITHM_BYTES + KEY_ID_BYTES + SIGNATURE_BYTES;

export const UNTRUSTED_COMMENT_PREFIX = 'untrusted comment: ';
export const TRUSTED_COMMENT_PREFIX = 'trusted comment: ';

/**
 * minisign reads comment lines with fixed fgets buffers (COMMENTMAXBYTES 1024,
 * TRUSTEDCOMMENTMAXBYTES 8192, both counting the prefix, the newline and the C terminator); a
 * longer line would be split and the signature file misread, so we refuse to write one.
 */
export const UNTRUSTED_COMMENT_MAX_BYTES = 1024 - UNTRUSTED_COMMENT_PREFIX.length - 2;
export const TRUSTED_COMMENT_MAX_BYTES = 8192 - TRUSTED_COMMENT_PREFIX.length - 2;
