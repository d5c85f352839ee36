/**
 * Who the main process trusts and what it lets web content do. Pure functions, so each rule is
 * unit-tested; index.ts and web-contents-guards.ts only wire them to Electron events.
 */
import { parseWebUrl } from '@core/findings';
import { isAppOriginUrl } from './app-protocol';

const parse = (raw: string): URL | null => {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
};

/**
 * The URL to hand to shell.openExternal, or null: the app-wide web link rule (core/findings
 * parseWebUrl: http or https with a host, no credentials, no whitespace or control characters).
 */
export function parseAllowedExternalUrl(raw: string): URL | null {
  return parseWebUrl(raw);
}

export function isAllowedExternalUrl(raw: string): boolean {
  return parseAllowedExternalUrl(raw) !== null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server origin, only if it is plain http(s) on loopback: ELECTRON_RENDERER_URL comes from
 * the environment, and an env var must not be able to make a remote site trusted.
 */
export function devServerOrigin(devServerUrl: string | undefined): string | null {
  if (devServerUrl === undefined || devServerUrl === '') return null;
  const url = parse(devServerUrl);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') return null;
  return url.origin;
}

/** A URL (page, frame or origin) belonging to our renderer: app://kpo, or the dev server in dev. */
export function isTrustedRendererUrl(raw: string | undefined, devServerUrl?: string): boolean {
  if (raw === undefined || raw === '') return false;
  const url = parse(raw);
  if (url === null) return false;
  if (isAppOriginUrl(url)) return true;
  const dev = devServerOrigin(devServerUrl);
  return dev !== null && url.origin === dev;
}

/**
 * will-navigate / will-redirect / will-frame-navigate: the app is a single page, so the only
 * navigation is a reload of our own origin. Links to the web go to the browser via openExternal.
 */
export function isAllowedNavigation(targetUrl: string, devServerUrl?: string): boolean {
  return isTrustedRendererUrl(targetUrl, devServerUrl);
}

/**
 * Deny every permission except clipboard-sanitized-write for our own origin: "copy as TSV" writes
 * the table selection with navigator.clipboard.writeText, which needs it. Sanitized write cannot
 * read the clipboard or put executable formats on it. Nothing else (camera, geolocation,
 * notifications, HID, openExternal, fullscreen, ...) is used by the app.
 */
export function decidePermission(
  permission: string,
  requestingUrl: string | undefined,
  devServerUrl?: string,
): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedRendererUrl(requestingUrl, devServerUrl);
}
