import type { ZipFindingCode } from './types';

/**
 * Why an entry name is unsafe to extract, or null. Names are judged as every OS would read them:
 * backslashes are separators and `C:` a root on Windows, so both are refused even though a POSIX
 * extractor would keep them literal. `.` and empty segments are refused so that one file cannot be
 * spelled two ways past the duplicate check.
 */
export function checkEntryName(name: string): { code: ZipFindingCode; reason: string } | null {
  if (name === '' || name === '/') return { code: 'malformed-name', reason: 'the name is empty' };
  if (name.includes('\0')) return { code: 'control-char-in-name', reason: 'the name contains NUL' };
  if (hasControlCharacter(name)) {
    return { code: 'control-char-in-name', reason: 'the name contains a control character' };
  }
  if (name.includes('\\')) return { code: 'backslash-in-name', reason: 'the name contains a backslash' };
  if (name.startsWith('/')) return { code: 'absolute-path', reason: 'the name is an absolute path' };
  if (/^[A-Za-z]:/.test(name))
    return { code: 'absolute-path', reason: 'the name starts with a drive letter' };
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return { code: 'path-traversal', reason: 'the name has a ".." segment' };
  if (segments.some((segment) => segment === '' || segment === '.')) {
    return { code: 'malformed-name', reason: 'the name has an empty or "." segment' };
  }
  return null;
}

/**
 * Names that are distinct in the zip but the same file on macOS (Unicode normalisation and case
 * insensitive by default) or Windows (case insensitive) would silently overwrite each other when
 * the client unzips the package, so the bag they check would differ from the one we checked.
 */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function hasControlCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
