/**
 * The renderer's Content-Security-Policy, one source for every place that sets it: the meta tag
 * injected into index.html at build time, the app:// protocol handler and the browser-mode server.
 * Inline styles are allowed because Mantine and Chart.js set style attributes; scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** Directives that browsers ignore in a meta tag and must come as a response header. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
