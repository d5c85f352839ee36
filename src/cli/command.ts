import type { ExitCode } from './errors';
import type { CliIo } from './io';

export interface Command {
  name: string;
  /** One line for `kpo --help`. */
  summary: string;
  /** The full text of `kpo <name> --help`. */
  help: string;
  /** Synchronous where nothing needs awaiting (signing is the only asynchronous step). */
  run(args: string[], io: CliIo): ExitCode | Promise<ExitCode>;
}
