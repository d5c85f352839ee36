/**
 * What a link in a finding may point at. Findings come from other people's packages, so anything that
 * could run script or smuggle content (`javascript:`, `data:`, `vbscript:`, `file:` ...) is dropped;
 * web and mail links, in-app `kpo:` references and in-page anchors are kept.
 */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'kpo']);

export function safeFindingUrl(url: string): string {
  // Browsers ignore control characters and whitespace inside a scheme ("java\nscript:"), so must we.
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const colon = compact.indexOf(':');
  const firstDelimiter = compact.search(/[/?#]/);
  const hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
  if (!hasScheme) return url.trim();
  const scheme = compact.slice(0, colon).toLowerCase();
  return ALLOWED_SCHEMES.has(scheme) ? url.trim() : '';
}

/** Longer addresses are refused: no real source needs one, and main caps what crosses IPC at this. */
export const MAX_WEB_URL_LENGTH = 2048;

/**
 * The web address the app hands to the user's browser, or null: http or https with a host and no
 * user name or password. Plain http is allowed because many public sources (statistics offices,
 * older reports) are still served that way and opening them in the default browser carries no
 * credentials; every other scheme (file:, smb:, javascript:, custom protocol handlers) can run or
 * open local things through the OS. Whitespace and control characters are refused rather than
 * stripped, so what the user saw is what is opened. One rule for sources, findings, Electron's main
 * process and browser mode.
 */
export function parseWebUrl(raw: string): URL | null {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (raw.length > MAX_WEB_URL_LENGTH || /[\u0000-\u0020\u007f-\u009f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url;
}

/** Whether a source's URL is a web address the app may open in the browser (see parseWebUrl). */
export function isWebUrl(url: string): boolean {
  return parseWebUrl(url) !== null;
}
