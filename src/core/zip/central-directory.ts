import { BinaryReader } from './binary-reader';
import type { ZipFinding, ZipLimits } from './types';

/** One central-directory record, read before any data is touched. */
export interface CentralEntry {
  /** Decoded name, or null when the bytes are not valid UTF-8. */
  name: string | null;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** High 16 bits carry the Unix mode when the archive was made on a Unix-like host. */
  externalAttributes: number;
  /** Name from an Info-ZIP Unicode Path extra field (0x7075), which some tools prefer over `name`. */
  unicodePathName: string | null | undefined;
}

export interface CentralDirectory {
  entries: CentralEntry[];
  /** Where the central directory starts: all entry data must end before this offset. */
  offset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const CENTRAL_RECORD_MIN_SIZE = 46;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

const corrupt = (message: string, entry = ''): ZipFinding => ({ entry, code: 'corrupt-archive', message });

/**
 * Parses the end-of-central-directory record(s) and the central directory by hand. This only reads
 * headers (no inflation), so it is safe on hostile input, and it exposes what fflate's reader does
 * not: external attributes (symlinks), flags (encryption) and the real entry count up front.
 * The entry-count limit is enforced before the directory is walked.
 */
export function readCentralDirectory(
  bytes: Uint8Array,
  limits: ZipLimits,
): { directory: CentralDirectory } | { error: ZipFinding } {
  const reader = new BinaryReader(bytes);
  const eocd = findEndOfCentralDirectory(reader);
  if (eocd === null) {
    return {
      error: { entry: '', code: 'not-a-zip', message: 'no end-of-central-directory record: not a zip file' },
    };
  }
  const diskNumber = reader.u16(eocd + 4);
  const centralDisk = reader.u16(eocd + 6);
  let entriesOnDisk: number | null = reader.u16(eocd + 8);
  let entryCount: number | null = reader.u16(eocd + 10);
  let size: number | null = reader.u32(eocd + 12);
  let offset: number | null = reader.u32(eocd + 16);
  let directoryEnd = eocd;

  if (entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (reader.u32(locator) !== ZIP64_LOCATOR_SIGNATURE)
      return { error: corrupt('zip64 locator is missing') };
    const zip64Offset = reader.u64(locator + 8);
    if (reader.u32(locator + 4) !== 0 || reader.u32(locator + 16) !== 1) {
      return { error: { entry: '', code: 'multi-disk', message: 'multi-disk archives are not supported' } };
    }
    if (zip64Offset === null || reader.u32(zip64Offset) !== ZIP64_EOCD_SIGNATURE) {
      return { error: corrupt('zip64 end-of-central-directory record is missing') };
    }
    if (reader.u32(zip64Offset + 16) !== 0 || reader.u32(zip64Offset + 20) !== 0) {
      return { error: { entry: '', code: 'multi-disk', message: 'multi-disk archives are not supported' } };
    }
    entriesOnDisk = reader.u64(zip64Offset + 24);
    entryCount = reader.u64(zip64Offset + 32);
    size = reader.u64(zip64Offset + 40);
    offset = reader.u64(zip64Offset + 48);
    directoryEnd = zip64Offset;
  } else if (diskNumber !== 0 || centralDisk !== 0) {
    return { error: { entry: '', code: 'multi-disk', message: 'multi-disk archives are not supported' } };
  }
  if (entryCount === null || size === null || offset === null || entriesOnDisk !== entryCount) {
    return { error: corrupt('end-of-central-directory record is inconsistent') };
  }
  if (entryCount > limits.maxEntries) {
    return {
      error: {
        entry: '',
        code: 'too-many-entries',
        message: `the archive declares ${entryCount} entries; the limit is ${limits.maxEntries}`,
      },
    };
  }
  // The directory must sit exactly before its end record: a gap could hide a second directory that
  // another tool would read instead, and each record needs at least 46 bytes.
  if (offset + size !== directoryEnd || entryCount * CENTRAL_RECORD_MIN_SIZE > size) {
    return { error: corrupt('central directory size or offset does not match the archive layout') };
  }

  const entries: CentralEntry[] = [];
  let cursor = offset;
  for (let index = 0; index < entryCount; index++) {
    const parsed = readCentralRecord(reader, cursor, directoryEnd);
    if ('error' in parsed) return parsed;
    entries.push(parsed.entry);
    cursor = parsed.next;
  }
  if (cursor !== directoryEnd) return { error: corrupt('central directory has trailing bytes') };
  return { directory: { entries, offset } };
}

function findEndOfCentralDirectory(reader: BinaryReader): number | null {
  const lowest = Math.max(0, reader.length - EOCD_SIZE - MAX_COMMENT);
  for (let position = reader.length - EOCD_SIZE; position >= lowest; position--) {
    // Requiring the comment to reach exactly the end rejects signature bytes that merely occur
    // inside the comment.
    if (
      reader.u32(position) === EOCD_SIGNATURE &&
      position + EOCD_SIZE + (reader.u16(position + 20) ?? -1) === reader.length
    ) {
      return position;
    }
  }
  return null;
}

function readCentralRecord(
  reader: BinaryReader,
  at: number,
  end: number,
): { entry: CentralEntry; next: number } | { error: ZipFinding } {
  if (
    !reader.fits(at, CENTRAL_RECORD_MIN_SIZE) ||
    at + CENTRAL_RECORD_MIN_SIZE > end ||
    reader.u32(at) !== CENTRAL_SIGNATURE
  ) {
    return { error: corrupt(`central directory record at byte ${at} is malformed`) };
  }
  const nameLength = reader.u16(at + 28) ?? 0;
  const extraLength = reader.u16(at + 30) ?? 0;
  const commentLength = reader.u16(at + 32) ?? 0;
  const next = at + CENTRAL_RECORD_MIN_SIZE + nameLength + extraLength + commentLength;
  const nameBytes = reader.slice(at + CENTRAL_RECORD_MIN_SIZE, nameLength);
  const extra = reader.slice(at + CENTRAL_RECORD_MIN_SIZE + nameLength, extraLength);
  if (next > end || !nameBytes || !extra) {
    return { error: corrupt(`central directory record at byte ${at} runs past the directory`) };
  }
  const name = decodeUtf8(nameBytes);
  let uncompressedSize = reader.u32(at + 24) ?? 0;
  let compressedSize = reader.u32(at + 20) ?? 0;
  let localHeaderOffset = reader.u32(at + 42) ?? 0;
  let startDisk = reader.u16(at + 34) ?? 0;
  let unicodePathName: string | null | undefined;

  const extraReader = new BinaryReader(extra);
  for (let position = 0; position + 4 <= extra.length;) {
    const id = extraReader.u16(position) ?? 0;
    const length = extraReader.u16(position + 2) ?? 0;
    const body = extraReader.slice(position + 4, length);
    if (!body) return { error: corrupt('extra field runs past its record', name ?? '') };
    if (id === 0x0001) {
      // Zip64 fields appear only for the values that overflowed, in this fixed order.
      const zip64 = new BinaryReader(body);
      let field = 0;
      const next64 = (): number | null => {
        const value = zip64.u64(field);
        field += 8;
        return value;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = next64() ?? Number.NaN;
      if (compressedSize === 0xffffffff) compressedSize = next64() ?? Number.NaN;
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = next64() ?? Number.NaN;
      if (startDisk === 0xffff) startDisk = zip64.u32(field) ?? Number.NaN;
    } else if (id === 0x7075 && length >= 5) {
      unicodePathName = decodeUtf8(body.subarray(5));
    }
    position += 4 + length;
  }
  if ([uncompressedSize, compressedSize, localHeaderOffset].some(Number.isNaN)) {
    return { error: corrupt('zip64 extra field is truncated', name ?? '') };
  }
  if (startDisk !== 0) {
    return { error: { entry: name ?? '', code: 'multi-disk', message: 'entry lives on another disk' } };
  }
  return {
    entry: {
      name,
      nameBytes,
      flags: reader.u16(at + 8) ?? 0,
      method: reader.u16(at + 10) ?? 0,
      crc: reader.u32(at + 16) ?? 0,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      externalAttributes: reader.u32(at + 38) ?? 0,
      unicodePathName,
    },
    next,
  };
}
