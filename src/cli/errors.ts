/** Exit codes, the same for every command so scripts can branch on them. */
export const EXIT = {
  /** Done; for verification, valid and signed by a trusted key. */
  ok: 0,
  /** Invalid package, or the command failed. */
  failure: 1,
  /** Valid, but unsigned or signed by a key not given with --trust. */
  untrusted: 2,
  /** The command line itself is wrong (BSD sysexits EX_USAGE). */
  usage: 64,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A failure reported as one line, `kpo: <subject>: <reason>`, where the subject is the file (or the
 * option, or the command) the reason is about.
 */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly subject: string,
    readonly reason: string,
    readonly exitCode: ExitCode = EXIT.failure,
  ) {
    super(`${subject}: ${reason}`);
  }
}

export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(subject: string, reason: string) {
    super(subject, reason, EXIT.usage);
  }
}

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'already exists',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  ENOTEMPTY: 'directory is not empty',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** Turns a Node file-system error into a one-line CliError about `path`; rethrows anything else. */
export function fsError(path: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    return new CliError(path, FS_REASONS[code] ?? `${code}: ${(error as Error).message}`);
  }
  throw error;
}

/** Runs a file-system call, reporting its failure as a CliError about `path`. */
export function withFile<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw fsError(path, error);
  }
}
