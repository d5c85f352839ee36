import { readCentralDirectory } from './central-directory';
import type { PlannedEntry } from './check-entries';
import { checkEntries } from './check-entries';
import { crc32 } from './crc32';
import type { BoundedInflateResult } from './inflate-bounded';
import { inflateBounded } from './inflate-bounded';
import type { ZipFinding, ZipLimits, ZipReadResult } from './types';
import { DEFAULT_ZIP_LIMITS } from './types';

/**
 * Decompression and CRC-32, injectable for the same reason bagit's hashes are: they dominate the
 * time to read a large package. Core stays portable with fflate and a table CRC; a Node host (the
 * CLI) passes node:zlib, several times faster. An `inflateRaw` must keep the bound: never produce
 * (or allocate) much more than `declaredSize` bytes, whatever the compressed data says.
 */
export interface ZipCodec {
  inflateRaw: (compressed: Uint8Array, declaredSize: number) => BoundedInflateResult;
  crc32: (bytes: Uint8Array) => number;
}

export const portableZipCodec: ZipCodec = { inflateRaw: inflateBounded, crc32 };

/**
 * Reads an untrusted zip whose entries all live under one top-level directory. Every header check
 * (counts, declared sizes, ratios, names, types, layout) runs before anything is inflated; then
 * entries are inflated one at a time, each capped at its declared size and checked against its CRC.
 *
 * Stored entries are returned as views into `bytes` (no copy), so the caller keeps `bytes` alive as
 * long as it keeps those files. Directory entries are dropped: a bag is a map of files.
 */
export function readZipSafely(
  bytes: Uint8Array,
  limits: Partial<ZipLimits> = {},
  codec: ZipCodec = portableZipCodec,
): ZipReadResult {
  const effective: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const parsed = readCentralDirectory(bytes, effective);
  if ('error' in parsed) return { ok: false, errors: [parsed.error] };
  const { planned, findings } = checkEntries(bytes, parsed.directory, effective);

  const root = findSingleRoot(
    planned.map((entry) => entry.name),
    parsed.directory.entries.length,
  );
  if ('error' in root && root.error) findings.push(root.error);
  if (findings.length > 0 || !('rootDir' in root)) return { ok: false, errors: findings };

  const files = new Map<string, Uint8Array>();
  const errors: ZipFinding[] = [];
  for (const entry of planned) {
    if (entry.isDirectory) continue;
    const result = extract(bytes, entry, codec);
    if ('error' in result) errors.push(result.error);
    else files.set(entry.name.slice(root.rootDir.length + 1), result.data);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rootDir: root.rootDir, files };
}

function extract(
  bytes: Uint8Array,
  planned: PlannedEntry,
  codec: ZipCodec,
): { data: Uint8Array } | { error: ZipFinding } {
  const { entry, name } = planned;
  const compressed = bytes.subarray(planned.dataStart, planned.dataEnd);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = compressed;
  } else {
    const inflated = codec.inflateRaw(compressed, entry.uncompressedSize);
    if (!inflated.ok) {
      return {
        error: {
          entry: name,
          code: inflated.reason === 'corrupt' ? 'corrupt-data' : 'size-mismatch',
          message: inflated.message,
        },
      };
    }
    data = inflated.data;
  }
  if (codec.crc32(data) !== entry.crc) {
    return {
      error: { entry: name, code: 'crc-mismatch', message: 'the CRC-32 does not match: the data is damaged' },
    };
  }
  return { data };
}

/** A package is one directory; stray top-level files (or a `__MACOSX/` folder) are refused. */
function findSingleRoot(
  names: readonly string[],
  entryCount: number,
): { rootDir: string } | { error?: ZipFinding } {
  if (entryCount === 0)
    return { error: { entry: '', code: 'empty-archive', message: 'the archive is empty' } };
  if (names.length === 0) return {};
  const roots = new Set(names.map((name) => name.split('/')[0] ?? ''));
  const looseFile = names.find((name) => !name.includes('/'));
  if (roots.size !== 1 || looseFile !== undefined) {
    return {
      error: {
        entry: looseFile ?? '',
        code: 'no-single-root',
        message: `everything must be inside one top-level directory; found ${[...roots].sort().join(', ')}`,
      },
    };
  }
  const [rootDir] = roots;
  return rootDir === undefined ? {} : { rootDir };
}
