import { basename, join } from 'node:path';
import type { TrustedKey } from '../core/package';
import { formatKeyId, parsePublicKey } from '../core/minisign';
import { CliError, withFile } from './errors';
import type { CliIo } from './io';
import { resolvePath } from './paths';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Keys given with --trust: each a minisign .pub file, or a directory whose *.pub files are all
 * trusted. A key file that does not parse is an error, never silently skipped: a typo in a trust
 * list must not quietly turn "trusted" into "unknown signer" (or the reverse).
 */
export function loadTrustedKeys(io: CliIo, paths: readonly string[]): TrustedKey[] {
  const keys: TrustedKey[] = [];
  for (const path of paths) {
    const full = resolvePath(io.cwd, path);
    const kind = withFile(path, () => io.fs.kind(full, { follow: true }));
    if (kind === null) throw new CliError(path, 'no such file or directory');
    if (kind === 'directory') {
      const names = withFile(path, () => io.fs.readdir(full))
        .filter((name) => name.endsWith('.pub'))
        .sort();
      if (names.length === 0) throw new CliError(path, 'the directory holds no .pub files');
      for (const name of names) keys.push(readKey(io, join(path, name), join(full, name)));
    } else {
      keys.push(readKey(io, path, full));
    }
  }
  return keys;
}

function readKey(io: CliIo, shown: string, full: string): TrustedKey {
  const bytes = withFile(shown, () => io.fs.readFile(full));
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new CliError(shown, 'not a minisign public key: the file is not UTF-8 text');
  }
  const parsed = parsePublicKey(text);
  if (!parsed.ok) throw new CliError(shown, parsed.error);
  return {
    keyId: formatKeyId(parsed.key.keyId),
    publicKey: text,
    name: basename(shown).replace(/\.pub$/, ''),
  };
}
