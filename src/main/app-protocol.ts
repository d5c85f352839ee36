/**
 * Mapping app://kpo/<path> requests onto files of the built renderer. Pure string logic so every
 * refusal rule is unit-tested without Electron; the Electron handler is in app-protocol-handler.ts.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kpo';
/** Node's URL reports `null` as the origin of non-special schemes, so this is compared by parts. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export type AppRequestResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  // Needed for WebAssembly.instantiateStreaming, which refuses any other type.
  '.wasm': 'application/wasm',
};

export const FALLBACK_MIME_TYPE = 'application/octet-stream';

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? FALLBACK_MIME_TYPE;
}

/** True only for app://kpo with nothing (port, credentials) that would make it another origin. */
export function isAppOriginUrl(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
  );
}

const refuse = (status: 400 | 403 | 404 | 405, reason: string): AppRequestResolution => ({
  ok: false,
  status,
  reason,
});

/**
 * Resolve an app:// request URL to a file under rootDir. Refuses, rather than normalises, anything a
 * build output never contains (encoded separators, dot segments, NUL, colons, `%` after decoding), so
 * a trick that survives one layer of decoding cannot be reinterpreted by the next (Chromium, the OS).
 */
export function resolveAppRequest(rawUrl: string, rootDir: string): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refuse(400, 'not a valid URL');
  }
  if (!isAppOriginUrl(url)) return refuse(403, `only ${APP_ORIGIN} is served`);

  // Checked on the raw (still encoded) path: the WHATWG parser already folded literal and %2e dot
  // segments, and Chromium turns a raw backslash into a slash; what is left here is an attempt.
  const rawPath = url.pathname;
  if (rawPath.includes('\\')) return refuse(400, 'backslash in path');
  if (/%(2f|5c)/i.test(rawPath)) return refuse(400, 'encoded path separator');
  if (/%00/.test(rawPath)) return refuse(400, 'NUL in path');

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (decoded.includes('\0')) return refuse(400, 'NUL in path');
  // A `%` surviving one decode is double encoding (%252e%252e); no file we build has one.
  if (decoded.includes('%')) return refuse(400, 'double percent-encoding');
  if (decoded.includes(':')) return refuse(400, 'colon in path (drive letter or stream name)');
  if (!decoded.startsWith('/') || decoded.startsWith('//')) {
    return refuse(400, 'absolute or protocol-relative path');
  }

  const relPath = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relPath.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return refuse(400, 'dot segment in path');
  if (segments.some((s) => s === '')) return refuse(404, 'empty path segment (no directory listings)');

  const root = resolve(rootDir);
  const filePath = resolve(root, ...segments);
  if (!isInside(root, filePath)) return refuse(403, 'path escapes the app root');
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

/** Whether child is root itself or strictly below it, by path strings (no file system access). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Headers every app:// response carries; the CSP comes from the one shared source. */
export function appResponseHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    // The renderer is fixed per build; a stale cached chunk after an update would be worse than
    // re-reading a local file.
    'Cache-Control': 'no-cache',
  };
}

/** The protocol serves static files only; anything else is a bug or an attack. */
export function isReadMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}
