import type { ChecksumAlgorithm, CreateHash } from './algorithms';
import { createHash as nobleCreateHash } from './algorithms';

/**
 * Feeding large files in slices keeps every hasher's working set in cache when several algorithms
 * are computed in one pass; `subarray` is a view, so no payload bytes are copied.
 */
const SLICE_BYTES = 4 * 1024 * 1024;

/** Hex digests of `bytes` for each algorithm, computed in a single pass over the data. */
export function digestHex(
  bytes: Uint8Array,
  algorithms: readonly ChecksumAlgorithm[],
  createHash: CreateHash = nobleCreateHash,
): Map<ChecksumAlgorithm, string> {
  const hashes = algorithms.map((algorithm) => [algorithm, createHash(algorithm)] as const);
  for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
    const slice = bytes.subarray(offset, offset + SLICE_BYTES);
    for (const [, hash] of hashes) hash.update(slice);
  }
  return new Map(hashes.map(([algorithm, hash]) => [algorithm, hash.digestHex()]));
}
