// The kpo command line: dispatch, help, one-line errors and exit codes. (cli.ts, not main.ts: the
// lint rule that keeps the CLI out of src/main matches any path segment named "main".)
import type { Command } from './command';
import { inspectCommand } from './commands/inspect';
import { keygenCommand, pubkeyCommand } from './commands/keys';
import { packCommand } from './commands/pack';
import { unpackCommand } from './commands/unpack';
import { verifyCommand } from './commands/verify';
import type { ExitCode } from './errors';
import { CliError, EXIT } from './errors';
import type { CliIo } from './io';

export const COMMANDS: readonly Command[] = [
  verifyCommand,
  inspectCommand,
  packCommand,
  unpackCommand,
  keygenCommand,
  pubkeyCommand,
];

export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: kpo <command> [options]

Signed KPO Workbench packages (.kpo: a BagIt bag in a zip, signed in minisign's format) from the
command line.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run kpo <command> --help for a command's options and exit status.
Exit status: 0 success (verified and trusted), 1 failure or invalid package, 2 valid but not
trusted, 64 wrong command line. Errors go to stderr as "kpo: <file>: <reason>", one per line.
`;
}

/** The whole command line: argv without node and the script; everything else comes through io. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr('kpo: missing command (see kpo --help)\n');
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === args[0]);
    io.stdout(topic ? topic.help : globalHelp());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`kpo: ${name}: unknown command (see kpo --help)\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`kpo: ${error.subject}: ${error.reason}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`kpo: ${name}: unexpected error: ${message.split('\n')[0] ?? ''}\n`);
    return EXIT.failure;
  }
}
