import type { MinisignSecretKey } from '../core/minisign';
import { decodeSecretKey } from '../core/minisign';
import { CliError, withFile } from './errors';
import type { CliIo } from './io';
import { resolvePath } from './paths';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a minisign secret key file (unencrypted: `kpo keygen` or `minisign -G -W`). */
export function readSecretKeyFile(io: CliIo, shown: string): MinisignSecretKey {
  const bytes = withFile(shown, () => io.fs.readFile(resolvePath(io.cwd, shown)));
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new CliError(shown, 'not a minisign secret key: the file is not UTF-8 text');
  }
  const decoded = decodeSecretKey(text);
  if (!decoded.ok) throw new CliError(shown, decoded.error);
  return decoded.key;
}
