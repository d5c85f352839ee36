import type { TrustedKey, VerifyPackageResult } from '../core/package';
import { verifyPackage } from '../core/package';
import { CliError, withFile } from './errors';
import type { CliIo } from './io';
import { nodeCreateHash } from './node-hash';
import { nodeZipCodec } from './node-zip-codec';
import { resolvePath } from './paths';
import { readBagDirectory } from './read-bag-directory';

export type InputKind = 'package' | 'directory';

export interface VerifiedInput {
  kind: InputKind;
  result: VerifyPackageResult;
}

/** Reads a .kpo (or any zipped bag) or a bag directory and runs the one package verification on it. */
export function verifyInput(
  io: CliIo,
  path: string,
  trustedKeys: readonly TrustedKey[],
  accept: readonly InputKind[] = ['package', 'directory'],
): VerifiedInput {
  const full = resolvePath(io.cwd, path);
  const kind = withFile(path, () => io.fs.kind(full, { follow: true }));
  if (kind === null) throw new CliError(path, 'no such file or directory');
  const options = { trustedKeys, createHash: nodeCreateHash, zipCodec: nodeZipCodec };
  if (kind === 'directory') {
    if (!accept.includes('directory')) throw new CliError(path, 'is a directory; expected a .kpo file');
    const { files, findings } = readBagDirectory(io, path, full);
    const result = verifyPackage(files, options);
    if (findings.length === 0) return { kind: 'directory', result };
    return {
      kind: 'directory',
      result: { ...result, status: 'invalid', findings: [...findings, ...result.findings], files: null },
    };
  }
  if (kind !== 'file') throw new CliError(path, 'is not a regular file or a directory');
  if (!accept.includes('package')) throw new CliError(path, 'is a file; expected a bag directory');
  const bytes = withFile(path, () => io.fs.readFile(full));
  return { kind: 'package', result: verifyPackage(bytes, options) };
}
