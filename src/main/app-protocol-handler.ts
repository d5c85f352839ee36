/** Electron glue for app://kpo; the decisions are made in app-protocol.ts and app-file.ts. */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { checkServableFile } from './app-file';
import { APP_SCHEME, appResponseHeaders, isReadMethod, resolveAppRequest } from './app-protocol';

/**
 * Must run before app 'ready'. Privileges, each because something needs it:
 * - standard: a real origin (app://kpo) with relative-URL resolution, so IndexedDB,
 *   localStorage and navigator.storage work and are keyed to one stable origin;
 * - secure: a secure context, required by WebCrypto (package signing), navigator.storage and
 *   the async clipboard;
 * - supportFetchAPI: the renderer fetch()es its own assets (wasm, workers, bundled templates).
 * Not granted: corsEnabled (we never serve another origin; same-origin fetch and module scripts on a
 * standard scheme work without it), bypassCSP, allowServiceWorkers, stream, codeCache.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const textResponse = (status: number, reason: string): Response =>
  new Response(reason, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });

/** Call after 'ready'. rootDir is the built renderer (out/renderer). */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isReadMethod(request.method)) return textResponse(405, 'method not allowed');
    const resolved = resolveAppRequest(request.url, rootDir);
    if (!resolved.ok) return textResponse(resolved.status, resolved.reason);
    const servable = await checkServableFile(rootDir, resolved.filePath);
    if (!servable.ok) return textResponse(servable.status, servable.reason);
    try {
      const file = await net.fetch(pathToFileURL(resolved.filePath).toString());
      if (!file.ok) return textResponse(404, 'not found');
      return new Response(file.body, {
        status: 200,
        headers: appResponseHeaders(resolved.mimeType),
      });
    } catch (error) {
      console.error(`app:// failed to read ${resolved.filePath}`, error);
      return textResponse(500, 'read error');
    }
  });
}
