import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
interface Config<O extends OptionsConfig> {
  args: string[];
  options: O;
  allowPositionals: true;
  strict: true;
}
export type ParsedArgs<O extends OptionsConfig> = ReturnType<typeof parseArgs<Config<O>>>;

/** node:util's parser, with its multi-sentence errors shortened to one usage line. */
export function parseCommandArgs<O extends OptionsConfig>(
  command: string,
  args: string[],
  options: O,
): ParsedArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`kpo ${command}`, `${shorten(message)} (see kpo ${command} --help)`);
  }
}

function shorten(message: string): string {
  // Node's messages run to several sentences and lines; the first sentence says what is wrong.
  const first = message.split(/\.(?:\s|$)/)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** Exactly `count` positional arguments, named in the error when some are missing or extra. */
export function positionals(command: string, values: readonly string[], names: readonly string[]): string[] {
  if (values.length < names.length) {
    throw new UsageError(
      `kpo ${command}`,
      `missing ${names.slice(values.length).join(' and ')} (see kpo ${command} --help)`,
    );
  }
  if (values.length > names.length) {
    throw new UsageError(
      `kpo ${command}`,
      `unexpected argument "${values[names.length] ?? ''}" (see kpo ${command} --help)`,
    );
  }
  return [...values];
}
