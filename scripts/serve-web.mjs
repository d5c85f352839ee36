#!/usr/bin/env node
// Browser mode: serves the built renderer (out/renderer) on a fixed 127.0.0.1 port, so IndexedDB keeps
// one origin between runs. Loopback only: the app holds private keys and client data.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

export const DEFAULT_WEB_PORT = 5199;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.KPO_WEB_PORT ?? String(DEFAULT_WEB_PORT) },
    root: { type: 'string', default: 'out/renderer' },
  },
});

const root = resolve(values.root);
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`serve-web: --port must be a TCP port number, got "${values.port}"`);
  process.exit(1);
}

let indexHtml;
try {
  indexHtml = await readFile(join(root, 'index.html'), 'utf8');
} catch {
  console.error(`serve-web: ${join(root, 'index.html')} is missing; run "npm run build" first.`);
  process.exit(1);
}
// The build injects the CSP meta tag; send the same policy as a header, plus what a meta tag cannot say.
const cspMeta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(indexHtml);
if (!cspMeta) {
  console.error('serve-web: the built index.html has no Content-Security-Policy meta tag.');
  process.exit(1);
}
const decodeAttribute = (value) =>
  value
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const securityHeaders = {
  'Content-Security-Policy': `${decodeAttribute(cspMeta[1])}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

function resolveRequestPath(url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
  const full = resolve(root, relative);
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders }).end();
    return;
  }
  const file = resolveRequestPath(req.url ?? '/');
  if (!file) {
    res.writeHead(400, securityHeaders).end('Bad request');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      ...securityHeaders,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, securityHeaders).end('Not found');
  }
});

server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `serve-web: port ${port} is in use. Is KPO Workbench already running? Use --port or KPO_WEB_PORT.`
      : `serve-web: ${error.message}`,
  );
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`KPO Workbench (browser mode) at http://127.0.0.1:${port}/`);
});
