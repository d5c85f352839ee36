import type { PackageFinding } from './types';

/** Minor versions only add optional fields, so any 1.x reader can read any 1.y package. */
export const KPO_FORMAT_VERSION = '1.0';
const SUPPORTED_MAJOR = 1;

/** Refuses a package from a newer major format, whose meaning we cannot know; null when readable. */
export function checkFormatVersion(version: string | null): PackageFinding | null {
  const rule = 'KPO §5 format version';
  if (version === null) {
    return {
      severity: 'error',
      file: 'bag-info.txt',
      rule,
      code: 'missing-format-version',
      message: 'KPO-Format-Version is missing',
    };
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(version);
  if (!match) {
    return {
      severity: 'error',
      file: 'bag-info.txt',
      rule,
      code: 'malformed-format-version',
      message: `KPO-Format-Version "${version}" is not MAJOR.MINOR`,
    };
  }
  const major = Number(match[1]);
  if (major > SUPPORTED_MAJOR) {
    return {
      severity: 'error',
      file: 'bag-info.txt',
      rule,
      code: 'newer-format-version',
      message: `made by a newer KPO Workbench (format ${version}); this version reads up to ${SUPPORTED_MAJOR}.x`,
    };
  }
  if (major < SUPPORTED_MAJOR) {
    return {
      severity: 'error',
      file: 'bag-info.txt',
      rule,
      code: 'unsupported-format-version',
      message: `format ${version} predates format ${SUPPORTED_MAJOR}.0 and is not supported`,
    };
  }
  return null;
}
