import { randomUUID } from 'node:crypto';
import { CliError, fsError, withFile } from './errors';
import type { CliIo } from './io';
import { resolvePath } from './paths';

export const SECRET_FILE_MODE = 0o600;
export const PUBLIC_FILE_MODE = 0o644;

/**
 * Writes a file the user named with -o. An existing file is kept unless `force`; when forced, the new
 * bytes go to a temporary file beside it that is then renamed over it, so the old file is never
 * half-overwritten and a secret key gets its restrictive mode even when it replaces another file.
 */
export function writeOutputFile(
  io: CliIo,
  shown: string,
  data: Uint8Array | string,
  options: { mode: number; force: boolean },
): void {
  const full = resolvePath(io.cwd, shown);
  const existing = withFile(shown, () => io.fs.kind(full));
  if (existing === 'directory') throw new CliError(shown, 'is a directory');
  if (!options.force) {
    if (existing !== null) throw new CliError(shown, 'already exists; use --force to replace it');
    withFile(shown, () => {
      io.fs.writeFile(full, data, { mode: options.mode, exclusive: true });
    });
    return;
  }
  const temporary = `${full}.kpo-${randomUUID().slice(0, 8)}.tmp`;
  try {
    io.fs.writeFile(temporary, data, { mode: options.mode, exclusive: true });
    io.fs.rename(temporary, full);
  } catch (error) {
    io.fs.removeTree(temporary);
    throw fsError(shown, error);
  }
}
