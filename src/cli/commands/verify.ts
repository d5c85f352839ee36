import { parseCommandArgs, positionals } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { describePackage, exitCodeFor, printFindings, printJson, verdict, verificationJson } from '../report';
import { loadTrustedKeys } from '../trust';
import { verifyInput } from '../verify-input';

const OPTIONS = {
  trust: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a .kpo package or a BagIt bag directory: integrity, signature, trust',
  help: `Usage: kpo verify <file.kpo | bag-directory> [--trust <key.pub | dir>]... [--json]

Checks a package the way the app's import does: the zip's names, sizes and ratios, the BagIt bag
(completeness and every checksum), the minisign signature over tagmanifest-sha512.txt, and the
KPO documents inside. Works on any plain BagIt bag directory too; symbolic links inside a bag
directory are refused, never followed.

Options:
  --trust <path>  a minisign .pub file, or a directory of .pub files, whose keys you trust
                  (repeatable)
  --json          print the result as JSON on stdout
  -h, --help      show this help

Exit status:
  0  valid and signed by a trusted key
  2  valid, but unsigned or signed by a key no --trust names
  1  invalid (each problem is printed on stderr, naming the file inside the bag), or unreadable
  64 wrong command line
`,
  run: (args, io) => {
    const { values, positionals: rest } = parseCommandArgs('verify', args, OPTIONS);
    if (values.help) {
      io.stdout(verifyCommand.help);
      return EXIT.ok;
    }
    const [path = ''] = positionals('verify', rest, ['<file.kpo | bag-directory>']);
    const trustedKeys = loadTrustedKeys(io, values.trust ?? []);
    const { result } = verifyInput(io, path, trustedKeys);
    printFindings(io, path, result.findings);
    if (values.json) printJson(io, verificationJson(path, result));
    else io.stdout(`${path}: ${verdict(result)}\n  ${describePackage(result)}\n`);
    return exitCodeFor(result.status);
  },
};
