import { encodePublicKey, encodeSecretKey, generateKeyPairBytes } from '../../core/minisign';
import { parseCommandArgs, positionals } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { PUBLIC_FILE_MODE, SECRET_FILE_MODE, writeOutputFile } from '../output-file';
import { readSecretKeyFile } from '../secret-key-file';

export const DEFAULT_KEY_FILE = 'kpo.key';

const KEYGEN_OPTIONS = {
  output: { type: 'string', short: 'o', default: DEFAULT_KEY_FILE },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'make an Ed25519 signing key in minisign secret-key format',
  help: `Usage: kpo keygen [-o <key-file>] [--force]

Makes a new Ed25519 key pair and writes the secret key, unencrypted, in minisign's secret-key
format (the file "minisign -G -W" writes), readable only by you (mode 0600). The public key is
printed on stdout as a minisign .pub file, so

  kpo keygen -o me.key > me.pub

gives you both; "kpo pubkey me.key" prints it again later. The key signs packages with
"kpo pack --key" and works with minisign itself ("minisign -S -s me.key"); keys made by
"minisign -G -W" work with kpo. Password-protected minisign keys are not supported.

Options:
  -o, --output <file>  where to write the secret key (default: ${DEFAULT_KEY_FILE})
  --force              replace an existing file (otherwise kpo refuses)
  -h, --help           show this help
`,
  run: (args, io) => {
    const { values, positionals: rest } = parseCommandArgs('keygen', args, KEYGEN_OPTIONS);
    if (values.help) {
      io.stdout(keygenCommand.help);
      return EXIT.ok;
    }
    positionals('keygen', rest, []);
    const key = generateKeyPairBytes();
    writeOutputFile(io, values.output, encodeSecretKey(key), {
      mode: SECRET_FILE_MODE,
      force: values.force,
    });
    io.stdout(encodePublicKey(key));
    return EXIT.ok;
  },
};

const PUBKEY_OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const pubkeyCommand: Command = {
  name: 'pubkey',
  summary: "print or save a secret key's public key as a minisign .pub file",
  help: `Usage: kpo pubkey <key-file> [-o <file.pub>] [--force]

Reads a minisign secret key (from kpo keygen or minisign -G -W) and writes its public key in
minisign's .pub format: the file others pass to "kpo verify --trust" or "minisign -V -p".

Options:
  -o, --output <file>  write the .pub file here instead of stdout
  --force              replace an existing file (otherwise kpo refuses)
  -h, --help           show this help
`,
  run: (args, io) => {
    const { values, positionals: rest } = parseCommandArgs('pubkey', args, PUBKEY_OPTIONS);
    if (values.help) {
      io.stdout(pubkeyCommand.help);
      return EXIT.ok;
    }
    const [keyFile = ''] = positionals('pubkey', rest, ['<key-file>']);
    const publicKey = encodePublicKey(readSecretKeyFile(io, keyFile));
    if (values.output === undefined) io.stdout(publicKey);
    else writeOutputFile(io, values.output, publicKey, { mode: PUBLIC_FILE_MODE, force: values.force });
    return EXIT.ok;
  },
};
