import { basename, dirname, join } from 'node:path';
import { checkBagPath } from '../core/bagit';
import { CliError, fsError, withFile } from './errors';
import type { CliIo } from './io';
import { isInside, resolvePath } from './paths';

/** Refuses a target that holds anything: unpacking never mixes a package with other files. */
export function checkExtractTarget(io: CliIo, shown: string): void {
  const full = resolvePath(io.cwd, shown);
  const kind = withFile(shown, () => io.fs.kind(full));
  if (kind === null) return;
  if (kind !== 'directory') throw new CliError(shown, 'exists and is not a directory');
  if (withFile(shown, () => io.fs.readdir(full)).length > 0) {
    throw new CliError(shown, 'is not empty; unpack into a new or an empty directory');
  }
}

/**
 * Writes a verified bag into `shown`, which must be new or empty. Files go first into a fresh
 * hidden directory beside the target, which is renamed into place only when every file is
 * written, so a failure part-way (a full disk) leaves no half-unpacked package behind. Every path
 * is checked again here, even though verification already refused unsafe names.
 */
export function extractBag(io: CliIo, shown: string, files: ReadonlyMap<string, Uint8Array>): void {
  checkExtractTarget(io, shown);
  const target = resolvePath(io.cwd, shown);
  const staging = withFile(shown, () =>
    io.fs.mkdtemp(join(dirname(target), `.${basename(target)}.kpo-unpack-`)),
  );
  try {
    for (const [path, bytes] of files) {
      const unsafe = checkBagPath(path);
      const destination = join(staging, ...path.split('/'));
      if (unsafe || !isInside(staging, destination) || destination === staging) {
        throw new CliError(path, `refusing to write outside ${shown}: ${unsafe?.reason ?? 'path escapes'}`);
      }
      io.fs.mkdir(dirname(destination), { recursive: true });
      io.fs.writeFile(destination, bytes, { mode: 0o644, exclusive: true });
    }
    if (io.fs.kind(target) === 'directory') io.fs.rmdir(target);
    io.fs.rename(staging, target);
  } catch (error) {
    io.fs.removeTree(staging);
    throw fsError(shown, error);
  }
}
