/** Why a relative path is unsafe to resolve inside a bag directory, or null when it is safe. */
export interface UnsafePath {
  code: 'path-traversal' | 'absolute-path' | 'backslash-in-path' | 'control-char-in-path' | 'malformed-path';
  reason: string;
}

/**
 * A bag path must stay inside the bag on every OS that may unpack it. Backslashes and drive letters
 * are refused even though they are legal on POSIX, because Windows would treat them as separators or
 * roots; `.`/empty segments are refused because two spellings of one file defeat duplicate checks.
 */
export function checkBagPath(path: string): UnsafePath | null {
  if (path === '') return { code: 'malformed-path', reason: 'the path is empty' };
  if (path.startsWith('/')) return { code: 'absolute-path', reason: 'the path is absolute' };
  if (/^[A-Za-z]:/.test(path))
    return { code: 'absolute-path', reason: 'the path starts with a drive letter' };
  if (path.includes('\\')) return { code: 'backslash-in-path', reason: 'the path contains a backslash' };
  if (path.includes('\0'))
    return { code: 'control-char-in-path', reason: 'the path contains a NUL character' };
  const segments = path.split('/');
  if (segments.includes('..')) return { code: 'path-traversal', reason: 'the path has a ".." segment' };
  if (segments.some((segment) => segment === '' || segment === '.')) {
    return { code: 'malformed-path', reason: 'the path has an empty or "." segment' };
  }
  return null;
}

export const PAYLOAD_PREFIX = 'data/';

export function isPayloadPath(path: string): boolean {
  return path.startsWith(PAYLOAD_PREFIX);
}
