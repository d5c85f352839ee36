import { parseCommandArgs, positionals } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { checkExtractTarget, extractBag } from '../extract';
import { describePackage, exitCodeFor, printFindings, printJson, verdict, verificationJson } from '../report';
import { loadTrustedKeys } from '../trust';
import { verifyInput } from '../verify-input';

const OPTIONS = {
  trust: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const unpackCommand: Command = {
  name: 'unpack',
  summary: 'verify a package, then extract its bag into a new directory',
  help: `Usage: kpo unpack <file.kpo> <directory> [--trust <key.pub | dir>]... [--json]

Verifies the package as "kpo verify" does and, only if it is valid, writes its bag (bagit.txt,
manifests, data/...) into <directory>, which must not exist yet or be empty. An invalid package
is refused and nothing is written. Files appear all at once: they are written beside the target
and moved into place when complete.

Options:
  --trust <path>  a minisign .pub file, or a directory of .pub files, whose keys you trust
                  (repeatable)
  --json          print the verification and the extracted files as JSON
  -h, --help      show this help

Exit status: 0 unpacked and trusted, 2 unpacked but not trusted (unsigned or unknown key),
1 invalid or not unpacked, 64 wrong command line.
`,
  run: (args, io) => {
    const { values, positionals: rest } = parseCommandArgs('unpack', args, OPTIONS);
    if (values.help) {
      io.stdout(unpackCommand.help);
      return EXIT.ok;
    }
    const [file = '', dir = ''] = positionals('unpack', rest, ['<file.kpo>', '<directory>']);
    const trustedKeys = loadTrustedKeys(io, values.trust ?? []);
    checkExtractTarget(io, dir);
    const { result } = verifyInput(io, file, trustedKeys, ['package']);
    printFindings(io, file, result.findings);
    if (!result.files) {
      if (values.json) printJson(io, { ...verificationJson(file, result), directory: null, files: [] });
      else io.stdout(`${file}: ${verdict(result)}; nothing was unpacked\n`);
      return exitCodeFor(result.status);
    }
    extractBag(io, dir, result.files);
    const paths = [...result.files.keys()].sort();
    if (values.json) printJson(io, { ...verificationJson(file, result), directory: dir, files: paths });
    else {
      io.stdout(
        `${file}: ${verdict(result)}\n  ${describePackage(result)}\n  unpacked ${paths.length} files into ${dir}\n`,
      );
    }
    return exitCodeFor(result.status);
  },
};
