import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp';
import { checkServableFile } from './app-file';
import {
  appResponseHeaders,
  FALLBACK_MIME_TYPE,
  isInside,
  isReadMethod,
  mimeTypeFor,
  resolveAppRequest,
} from './app-protocol';

const root = resolve('/srv/kpo/out/renderer');

describe('resolveAppRequest: files inside the root', () => {
  it('maps / to index.html', () => {
    expect(resolveAppRequest('app://kpo/', root)).toEqual({
      ok: true,
      filePath: join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
  });

  it('maps nested paths and ignores query and fragment', () => {
    const r = resolveAppRequest('app://kpo/assets/index-AbC1.js?v=2#x', root);
    expect(r).toEqual({
      ok: true,
      filePath: join(root, 'assets', 'index-AbC1.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
  });

  it('decodes ordinary percent-encoding (a space)', () => {
    const r = resolveAppRequest('app://kpo/fonts/My%20Font.woff2', root);
    expect(r).toMatchObject({
      ok: true,
      filePath: join(root, 'fonts', 'My Font.woff2'),
      mimeType: 'font/woff2',
    });
  });

  it('keeps dot segments that the URL parser folds inside the root', () => {
    // The WHATWG parser resolves these before we see them; they cannot climb above "/".
    for (const url of [
      'app://kpo/assets/../index.html',
      'app://kpo/../../../index.html',
      'app://kpo/%2e%2e/%2E%2e/index.html',
    ]) {
      expect(resolveAppRequest(url, root)).toMatchObject({ ok: true, filePath: join(root, 'index.html') });
    }
  });
});

describe('resolveAppRequest: refusals', () => {
  const refused = (url: string, status: number, reason: RegExp): void => {
    const r = resolveAppRequest(url, root);
    expect(r.ok, url).toBe(false);
    if (!r.ok) {
      expect(r.status, url).toBe(status);
      expect(r.reason, url).toMatch(reason);
    }
  };

  it('refuses other schemes, hosts, ports and credentials', () => {
    refused('file:///etc/passwd', 403, /only app:\/\/kpo/);
    refused('https://kpo/index.html', 403, /only app:\/\/kpo/);
    refused('app://evil/index.html', 403, /only app:\/\/kpo/);
    refused('app://kpo:8080/index.html', 403, /only app:\/\/kpo/);
    refused('app://user:pw@kpo/index.html', 403, /only app:\/\/kpo/);
  });

  it('refuses malformed URLs and malformed percent-encoding with 400', () => {
    refused('not a url', 400, /not a valid URL/);
    refused('app://kpo/%E0%A4%A', 400, /malformed percent-encoding/);
    refused('app://kpo/%ZZ', 400, /malformed|double/);
  });

  it('refuses encoded slashes and backslashes that could climb out', () => {
    refused('app://kpo/..%2f..%2fetc%2fpasswd', 400, /encoded path separator/);
    refused('app://kpo/%2e%2e%2F%2e%2e%2Fetc/passwd', 400, /encoded path separator/);
    refused('app://kpo/..%5c..%5cwindows%5cwin.ini', 400, /encoded path separator/);
    refused('app://kpo/a\\..\\..\\etc\\passwd', 400, /backslash/);
  });

  it('refuses double encoding instead of decoding twice', () => {
    refused('app://kpo/%252e%252e/%252e%252e/etc/passwd', 400, /double percent-encoding/);
    refused('app://kpo/%25252e%25252e/x', 400, /double percent-encoding/);
  });

  it('refuses NUL bytes', () => {
    refused('app://kpo/index.html%00.png', 400, /NUL/);
  });

  it('refuses absolute paths and drive letters', () => {
    refused('app://kpo//etc/passwd', 400, /absolute/);
    refused('app://kpo/C:/Windows/win.ini', 400, /colon/);
    refused('app://kpo/c%3A/Windows/win.ini', 400, /colon/);
    refused('app://kpo/index.html:$DATA', 400, /colon/);
  });

  it('refuses directory requests (no listings)', () => {
    refused('app://kpo/assets/', 404, /empty path segment/);
  });
});

describe('isInside', () => {
  it('accepts the root and paths below it only', () => {
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, join(root, 'a', 'b.js'))).toBe(true);
    expect(isInside(root, join(root, '..', 'renderer-evil', 'x.js'))).toBe(false);
    expect(isInside(root, resolve(root, '..'))).toBe(false);
    expect(isInside(root, `${sep}etc${sep}passwd`)).toBe(false);
  });

  it('does not confuse a sibling with a shared prefix for a child', () => {
    expect(isInside(root, `${root}-other${sep}x.js`)).toBe(false);
  });

  it('accepts a child whose name merely starts with two dots', () => {
    expect(isInside(root, join(root, '..hidden.js'))).toBe(true);
  });
});

describe('mime types', () => {
  it.each([
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.html', 'text/html; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['A.PNG', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['favicon.ico', 'image/x-icon'],
  ])('%s -> %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });

  it('falls back to octet-stream for anything else', () => {
    for (const name of ['a.exe', 'a.txt', 'README', 'a.html.bak'])
      expect(mimeTypeFor(name)).toBe(FALLBACK_MIME_TYPE);
  });
});

describe('response headers', () => {
  it('carry the shared CSP, nosniff and the content type', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });

  it('only GET and HEAD are served', () => {
    expect(isReadMethod('GET')).toBe(true);
    expect(isReadMethod('HEAD')).toBe(true);
    for (const m of ['POST', 'PUT', 'DELETE', 'get']) expect(isReadMethod(m)).toBe(false);
  });
});

describe('checkServableFile (real files in a temp dir)', () => {
  let base: string;
  let appRoot: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'kpo-app-protocol-'));
    appRoot = join(base, 'renderer');
    await mkdir(join(appRoot, 'assets'), { recursive: true });
    await writeFile(join(appRoot, 'index.html'), '<!doctype html>');
    await writeFile(join(base, 'secret.txt'), 'secret');
    await symlink(join(base, 'secret.txt'), join(appRoot, 'assets', 'link.txt'));
    await symlink(base, join(appRoot, 'up'));
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves a regular file under the root', async () => {
    const r = resolveAppRequest('app://kpo/', appRoot);
    expect(r.ok).toBe(true);
    if (r.ok) expect(await checkServableFile(appRoot, r.filePath)).toEqual({ ok: true });
  });

  it('refuses a symlink that points outside the root', async () => {
    const r = resolveAppRequest('app://kpo/assets/link.txt', appRoot);
    expect(r.ok).toBe(true);
    if (r.ok) expect(await checkServableFile(appRoot, r.filePath)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a file reached through a symlinked directory outside the root', async () => {
    const r = resolveAppRequest('app://kpo/up/secret.txt', appRoot);
    expect(r.ok).toBe(true);
    if (r.ok) expect(await checkServableFile(appRoot, r.filePath)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 404 for directories and missing files', async () => {
    expect(await checkServableFile(appRoot, join(appRoot, 'assets'))).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await checkServableFile(appRoot, join(appRoot, 'missing.js'))).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});
