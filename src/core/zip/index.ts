export type { ZipFinding, ZipFindingCode, ZipLimits, ZipReadResult } from './types';
export { DEFAULT_ZIP_LIMITS } from './types';
export type { WriteZipOptions, ZipEntryInput } from './write-zip';
export { writeZip, ZipWriteError } from './write-zip';
export { readZipSafely } from './read-zip';
export { crc32, updateCrc32 } from './crc32';
export { comparePackagePaths } from './entry-order';
export { checkEntryName } from './entry-name';
