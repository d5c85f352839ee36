import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

/**
 * The file system calls the commands make, synchronous because a CLI does one thing at a time.
 * Injected so tests can observe or break individual calls; `nodeFs` is the real one.
 */
export interface CliFs {
  readFile(path: string): Uint8Array;
  /** `exclusive` fails with EEXIST instead of replacing a file; `mode` applies when the file is created. */
  writeFile(path: string, data: Uint8Array | string, options?: { mode?: number; exclusive?: boolean }): void;
  /**
   * What is at `path`, or null when nothing is there. A final symlink is reported as one unless
   * `follow` is set (for paths the user typed, as opposed to entries found inside a bag).
   */
  kind(path: string, options?: { follow?: boolean }): EntryKind | null;
  readdir(path: string): string[];
  mkdir(path: string, options?: { recursive?: boolean }): void;
  /** A fresh directory named `prefix` plus random characters. */
  mkdtemp(prefix: string): string;
  rename(from: string, to: string): void;
  /** Removes an empty directory. */
  rmdir(path: string): void;
  /** Removes a file or a whole tree; nothing happens when the path does not exist. */
  removeTree(path: string): void;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Relative paths on the command line resolve against this. */
  cwd: string;
  fs: CliFs;
  now(): Date;
}

export const nodeFs: CliFs = {
  readFile: (path) => readFileSync(path),
  writeFile: (path, data, options = {}) => {
    writeFileSync(path, data, {
      ...(options.mode === undefined ? {} : { mode: options.mode }),
      flag: options.exclusive ? 'wx' : 'w',
    });
  },
  kind: (path, options = {}) => {
    try {
      const stat = options.follow ? statSync(path) : lstatSync(path);
      if (stat.isSymbolicLink()) return 'symlink';
      if (stat.isFile()) return 'file';
      if (stat.isDirectory()) return 'directory';
      return 'other';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  readdir: (path) => readdirSync(path),
  mkdir: (path, options = {}) => {
    mkdirSync(path, { recursive: options.recursive ?? false });
  },
  mkdtemp: (prefix) => mkdtempSync(prefix),
  rename: (from, to) => {
    renameSync(from, to);
  },
  rmdir: (path) => {
    rmdirSync(path);
  },
  removeTree: (path) => {
    rmSync(path, { recursive: true, force: true });
  },
};

/** The process's own streams, directory and clock. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    fs: nodeFs,
    now: () => new Date(),
  };
}
