import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';

/** The algorithms RFC 8493 §2.4 names; a bag may use others, which we report as unverifiable. */
export const CHECKSUM_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha512'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** Collisions can be forged for these, so a bag relying on them is reported with a warning. */
export const WEAK_ALGORITHMS: ReadonlySet<ChecksumAlgorithm> = new Set(['md5', 'sha1']);

const HEX_DIGEST_LENGTH: Readonly<Record<ChecksumAlgorithm, number>> = {
  md5: 32,
  sha1: 40,
  sha256: 64,
  sha512: 128,
};

export function isChecksumAlgorithm(name: string): name is ChecksumAlgorithm {
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(name);
}

export function hexDigestLength(algorithm: ChecksumAlgorithm): number {
  return HEX_DIGEST_LENGTH[algorithm];
}

export interface IncrementalHash {
  update(chunk: Uint8Array): void;
  digestHex(): string;
}

const HASH_FUNCTIONS = { md5, sha1, sha256, sha512 } as const;

/**
 * Makes an incremental hash for an algorithm. Injectable because hashing dominates validation time:
 * core stays portable with noble, while a Node host (the CLI) can pass node:crypto, several times faster.
 */
export type CreateHash = (algorithm: ChecksumAlgorithm) => IncrementalHash;

export const createHash: CreateHash = (algorithm) => {
  const hash = HASH_FUNCTIONS[algorithm].create();
  return {
    update(chunk) {
      hash.update(chunk);
    },
    digestHex() {
      return toHex(hash.digest());
    },
  };
};

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
