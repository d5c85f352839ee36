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

/** Whether a source's URL is a web address the app may open in the browser. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
