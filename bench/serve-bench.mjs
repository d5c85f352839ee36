#!/usr/bin/env node
// Static server for `npm run bench`: the built app (with its CSP, as in browser mode) and the peer page
// under /bench/ without it, because DuckDB-Wasm compiles WebAssembly, which the app's policy forbids.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, normalize, resolve, sep } from 'node:path';

const port = Number(process.argv[2] ?? 5197);
const root = resolve('out/renderer');
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const indexHtml = await readFile(resolve(root, 'index.html'), 'utf8');
const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/
  .exec(indexHtml)?.[1]
  .replace(/&#39;/g, "'");
if (!csp) throw new Error('serve-bench: the built index.html has no CSP meta tag');

createServer(async (req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  const relative = normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname).replace(
    /^[/\\]+/,
    '',
  );
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) return void res.writeHead(400).end();
  try {
    const info = await stat(file);
    const headers = {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
    };
    if (!pathname.startsWith('/bench/')) headers['Content-Security-Policy'] = csp;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404).end();
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`bench server at http://127.0.0.1:${port}/`);
});
