export type ZipFindingCode =
  | 'not-a-zip'
  | 'corrupt-archive'
  | 'multi-disk'
  | 'too-many-entries'
  | 'total-size-exceeded'
  | 'compression-ratio'
  | 'entry-out-of-bounds'
  | 'overlapping-entries'
  | 'local-header-mismatch'
  | 'invalid-name-encoding'
  | 'ambiguous-name'
  | 'absolute-path'
  | 'path-traversal'
  | 'backslash-in-name'
  | 'control-char-in-name'
  | 'malformed-name'
  | 'duplicate-name'
  | 'name-collision'
  | 'file-directory-conflict'
  | 'symlink'
  | 'special-file'
  | 'encrypted-entry'
  | 'unsupported-compression'
  | 'no-single-root'
  | 'empty-archive'
  | 'size-mismatch'
  | 'crc-mismatch'
  | 'corrupt-data';

/** One reason an archive was refused, naming the entry (or `''` for the archive as a whole). */
export interface ZipFinding {
  entry: string;
  code: ZipFindingCode;
  message: string;
}

export type ZipReadResult =
  { ok: true; rootDir: string; files: Map<string, Uint8Array> } | { ok: false; errors: ZipFinding[] };

export interface ZipLimits {
  /** Entries in the central directory, directories included. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: number;
  /** Declared uncompressed ÷ compressed size of one entry. */
  maxCompressionRatio: number;
  /**
   * Entries smaller than this skip the ratio check: tiny repetitive files (an all-zero CSV column)
   * legitimately compress well, and they cannot add up to a bomb because the total cap still holds.
   */
  ratioCheckMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 4 * 1024 ** 3,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 64 * 1024,
};
