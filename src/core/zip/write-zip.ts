import type { Zippable } from 'fflate';
import { zipSync } from 'fflate';
import { checkEntryName } from './entry-name';
import { comparePackagePaths } from './entry-order';

export interface ZipEntryInput {
  /** Path relative to `rootDir`, `/`-separated. */
  path: string;
  data: Uint8Array;
}

export interface WriteZipOptions {
  /** The single top-level directory every entry is placed under (the package id). */
  rootDir: string;
}

export class ZipWriteError extends Error {
  override name = 'ZipWriteError';
}

/** Formats that are already compressed: deflating them again costs time and saves nothing. */
const STORED_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'avif',
  'pdf',
  'zip',
  'kpo',
  'gz',
  'bz2',
  'xz',
  'zst',
  '7z',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'mp3',
  'mp4',
  'woff2',
]);

/**
 * DOS timestamps have no time zone and fflate converts with local-time getters, so a Date built from
 * local-time components yields the same header bytes in every time zone. 1980-01-01 is the DOS epoch:
 * packages carry their real dates in bag-info.txt and the audit log, not in zip headers.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
/** Regular file, rw-r--r--, marked as made on Unix so extractors apply these permissions. */
const UNIX_HOST = 3;
const REGULAR_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/**
 * Writes a deterministic zip: same entries in, same bytes out (fixed order, timestamps, attributes
 * and compression level), so a package can be rebuilt and compared byte for byte.
 */
export function writeZip(entries: readonly ZipEntryInput[], { rootDir }: WriteZipOptions): Uint8Array {
  if (rootDir.includes('/') || checkEntryName(rootDir)) {
    throw new ZipWriteError(`rootDir "${rootDir}" must be a single safe path segment`);
  }
  const seen = new Set<string>();
  for (const { path } of entries) {
    const unsafe = checkEntryName(path);
    if (unsafe || path.endsWith('/'))
      throw new ZipWriteError(`entry "${path}" is unsafe: ${unsafe?.reason ?? 'it is a directory'}`);
    if (seen.has(path)) throw new ZipWriteError(`entry "${path}" appears twice`);
    seen.add(path);
  }
  const sorted = [...entries].sort((a, b) => comparePackagePaths(a.path, b.path));
  // Keys all contain "/", so none is an array index and insertion order is iteration order.
  const zippable: Zippable = {};
  for (const { path, data } of sorted) {
    zippable[`${rootDir}/${path}`] = [
      data,
      {
        level: STORED_EXTENSIONS.has(extensionOf(path)) ? 0 : 6,
        mtime: FIXED_MTIME,
        os: UNIX_HOST,
        attrs: REGULAR_FILE_ATTRIBUTES,
      },
    ];
  }
  return zipSync(zippable);
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
