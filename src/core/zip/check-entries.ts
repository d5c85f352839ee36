import { BinaryReader } from './binary-reader';
import type { CentralDirectory, CentralEntry } from './central-directory';
import { checkEntryName, collisionKey } from './entry-name';
import type { ZipFinding, ZipLimits } from './types';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const UNIX_FILE_TYPE_MASK = 0o170000;
const UNIX_SYMLINK = 0o120000;
const UNIX_REGULAR = 0o100000;
const UNIX_DIRECTORY = 0o040000;

/** An entry that passed every check, with the byte range of its compressed data. */
export interface PlannedEntry {
  entry: CentralEntry;
  name: string;
  isDirectory: boolean;
  dataStart: number;
  dataEnd: number;
}

/**
 * Everything that can be decided from headers alone, run before a single byte is inflated. All
 * problems are collected (not just the first) so the user sees the full picture of a hostile file.
 */
export function checkEntries(
  bytes: Uint8Array,
  directory: CentralDirectory,
  limits: ZipLimits,
): { planned: PlannedEntry[]; findings: ZipFinding[] } {
  const reader = new BinaryReader(bytes);
  const findings: ZipFinding[] = [];
  const planned: PlannedEntry[] = [];
  let totalDeclared = 0;

  for (const entry of directory.entries) {
    const entryFindings: ZipFinding[] = [];
    const label =
      entry.name ?? `<${Array.from(entry.nameBytes, (b) => b.toString(16).padStart(2, '0')).join('')}>`;
    const refuse = (code: ZipFinding['code'], message: string): void => {
      entryFindings.push({ entry: label, code, message });
    };
    if (entry.name === null) {
      refuse('invalid-name-encoding', 'the name is not valid UTF-8');
    } else {
      const unsafe = checkEntryName(entry.name);
      if (unsafe) refuse(unsafe.code, unsafe.reason);
      if (entry.unicodePathName !== undefined && entry.unicodePathName !== entry.name) {
        refuse('ambiguous-name', 'a Unicode Path extra field gives this entry a different name');
      }
    }
    if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION))
      refuse('encrypted-entry', 'the entry is encrypted');
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED) {
      refuse(
        'unsupported-compression',
        `compression method ${entry.method} is not supported (only stored and deflate)`,
      );
    }
    const fileType = (entry.externalAttributes >>> 16) & UNIX_FILE_TYPE_MASK;
    if (fileType === UNIX_SYMLINK) refuse('symlink', 'the entry is a symbolic link');
    else if (fileType !== 0 && fileType !== UNIX_REGULAR && fileType !== UNIX_DIRECTORY) {
      refuse('special-file', 'the entry is a device, socket or pipe');
    }

    totalDeclared += entry.uncompressedSize;
    if (
      entry.uncompressedSize >= limits.ratioCheckMinBytes &&
      entry.uncompressedSize > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)
    ) {
      refuse(
        'compression-ratio',
        `declares ${entry.uncompressedSize} bytes from ${entry.compressedSize} compressed (limit ratio ${limits.maxCompressionRatio})`,
      );
    }
    if (entry.method === METHOD_STORED && entry.compressedSize !== entry.uncompressedSize) {
      refuse('size-mismatch', 'a stored entry must have equal compressed and uncompressed sizes');
    }

    const range = locateData(reader, entry, directory.offset);
    if ('problem' in range) refuse(range.code, range.problem);

    findings.push(...entryFindings);
    if (entryFindings.length === 0 && entry.name !== null && 'dataStart' in range) {
      planned.push({ entry, name: entry.name, isDirectory: entry.name.endsWith('/'), ...range });
    }
  }

  if (totalDeclared > limits.maxTotalUncompressedBytes) {
    findings.push({
      entry: '',
      code: 'total-size-exceeded',
      message: `entries declare ${totalDeclared} bytes in total; the limit is ${limits.maxTotalUncompressedBytes}`,
    });
  }
  findings.push(...checkOverlaps(planned), ...checkNames(directory.entries));
  return { planned, findings };
}

function locateData(
  reader: BinaryReader,
  entry: CentralEntry,
  directoryOffset: number,
): { dataStart: number; dataEnd: number } | { code: ZipFinding['code']; problem: string } {
  const at = entry.localHeaderOffset;
  if (!reader.fits(at, LOCAL_HEADER_SIZE) || at + LOCAL_HEADER_SIZE > directoryOffset) {
    return { code: 'entry-out-of-bounds', problem: 'the local header lies outside the archive data' };
  }
  if (reader.u32(at) !== LOCAL_SIGNATURE) {
    return { code: 'local-header-mismatch', problem: 'no local header where the central directory points' };
  }
  const nameLength = reader.u16(at + 26) ?? 0;
  const localName = reader.slice(at + LOCAL_HEADER_SIZE, nameLength);
  if (!localName || !sameBytes(localName, entry.nameBytes)) {
    return { code: 'local-header-mismatch', problem: 'the local header names a different file' };
  }
  const encryption = FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION;
  if ((reader.u16(at + 6) ?? 0) & encryption && !(entry.flags & encryption)) {
    return { code: 'local-header-mismatch', problem: 'the local header says the entry is encrypted' };
  }
  const dataStart = at + LOCAL_HEADER_SIZE + nameLength + (reader.u16(at + 28) ?? 0);
  const dataEnd = dataStart + entry.compressedSize;
  if (!Number.isSafeInteger(dataEnd) || dataEnd > directoryOffset) {
    return {
      code: 'entry-out-of-bounds',
      problem: 'the compressed data runs past the end of the archive data',
    };
  }
  return { dataStart, dataEnd };
}

/**
 * Overlapping entries are how "non-recursive" zip bombs reuse one compressed block thousands of
 * times; no honest writer produces them.
 */
function checkOverlaps(planned: readonly PlannedEntry[]): ZipFinding[] {
  const sorted = [...planned].sort((a, b) => a.entry.localHeaderOffset - b.entry.localHeaderOffset);
  const findings: ZipFinding[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && current.entry.localHeaderOffset < previous.dataEnd) {
      findings.push({
        entry: current.name,
        code: 'overlapping-entries',
        message: `its data overlaps "${previous.name}"`,
      });
    }
  }
  return findings;
}

function checkNames(entries: readonly CentralEntry[]): ZipFinding[] {
  const findings: ZipFinding[] = [];
  const exact = new Set<string>();
  const folded = new Map<string, string>();
  const fileNames = new Set<string>();
  const names = entries.map((entry) => entry.name).filter((name): name is string => name !== null);
  for (const name of names) {
    const key = name.endsWith('/') ? name.slice(0, -1) : name;
    if (exact.has(key)) {
      findings.push({
        entry: name,
        code: 'duplicate-name',
        message: 'the archive has two entries with this name',
      });
      continue;
    }
    exact.add(key);
    const collision = folded.get(collisionKey(key));
    if (collision !== undefined) {
      findings.push({
        entry: name,
        code: 'name-collision',
        message: `differs from "${collision}" only in case or Unicode normalisation; they would overwrite each other on macOS/Windows`,
      });
      continue;
    }
    folded.set(collisionKey(key), key);
    if (!name.endsWith('/')) fileNames.add(name);
  }
  for (const name of names) {
    const segments = name.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const parent = segments.slice(0, depth).join('/');
      if (fileNames.has(parent)) {
        findings.push({
          entry: name,
          code: 'file-directory-conflict',
          message: `"${parent}" is both a file and a directory`,
        });
        break;
      }
    }
  }
  return findings;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
