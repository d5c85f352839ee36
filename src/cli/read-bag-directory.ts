import { join } from 'node:path';
import type { PackageFinding } from '../core/package';
import { withFile } from './errors';
import type { CliIo } from './io';

const RULE = 'kpo bag directory';

/**
 * Reads a bag directory into the same path → bytes map a zip yields, so one verification covers
 * both. Links are never followed: a symlink could point anywhere on the disk, so it is reported
 * (and the bag refused) instead of read, like a symlink entry in a zip.
 */
export function readBagDirectory(
  io: CliIo,
  shown: string,
  root: string,
): { files: Map<string, Uint8Array>; findings: PackageFinding[] } {
  const files = new Map<string, Uint8Array>();
  const findings: PackageFinding[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of withFile(join(shown, prefix), () => io.fs.readdir(dir)).sort()) {
      const full = join(dir, name);
      const rel = `${prefix}${name}`;
      const kind = withFile(join(shown, rel), () => io.fs.kind(full));
      if (kind === 'file')
        files.set(
          rel,
          withFile(join(shown, rel), () => io.fs.readFile(full)),
        );
      else if (kind === 'directory') walk(full, `${rel}/`);
      else if (kind === 'symlink') {
        findings.push({
          severity: 'error',
          file: rel,
          rule: RULE,
          code: 'symlink',
          message: 'is a symbolic link; bags are read without following links',
        });
      } else if (kind === 'other') {
        findings.push({
          severity: 'error',
          file: rel,
          rule: RULE,
          code: 'special-file',
          message: 'is not a regular file or directory',
        });
      }
    }
  };
  walk(root, '');
  return { files, findings };
}
