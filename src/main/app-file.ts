/**
 * The file-system half of the app:// guard: the string checks in app-protocol.ts cannot see
 * symlinks or directories, so before serving, the target must be a regular file whose real path is
 * still inside the real root.
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import { isInside } from './app-protocol';

// Called through the default export at call time: Electron patches these for asar archives.
const realpath = async (p: string): Promise<string> => promisify(fs.realpath)(p);
const stat = async (p: string): Promise<fs.Stats> => promisify(fs.stat)(p);

export type ServableCheck = { ok: true } | { ok: false; status: 403 | 404; reason: string };

export async function checkServableFile(rootDir: string, filePath: string): Promise<ServableCheck> {
  let realRoot: string;
  let realFile: string;
  try {
    [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(filePath)]);
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  if (!isInside(realRoot, realFile)) {
    return { ok: false, status: 403, reason: 'resolves (via a link) outside the app root' };
  }
  try {
    const info = await stat(realFile);
    if (!info.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  return { ok: true };
}
