// Test-only harness that drives Debian's minisign binary in a scratch directory.
//
// Why the Node modules are loaded through a typed facade and a dynamic import rather than
// `import ... from 'node:fs'`: tsconfig.web.json type-checks src/core/** (tests included) without
// @types/node, and the core lint rule bans node:* imports for every file under src/core. Pulling
// @types/node into the web project would leak Node globals into renderer type-checking, so this
// file declares the handful of calls it needs and nothing else. Never import it from non-test code.

export const MINISIGN_PATH = '/usr/bin/minisign';

export const MINISIGN_MISSING_MESSAGE = `${MINISIGN_PATH} not found: the minisign interop tests need the real binary. Install Debian's minisign (sudo apt-get install minisign) and re-run.`;

interface SpawnSyncResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: Error;
}

interface ChildProcessFacade {
  spawnSync(
    command: string,
    args: readonly string[],
    options: { cwd: string; input: string; encoding: 'utf8'; timeout: number },
  ): SpawnSyncResult;
}

interface FsFacade {
  existsSync(path: string): boolean;
  mkdtempSync(prefix: string): string;
  writeFileSync(path: string, data: string | Uint8Array): void;
  readFileSync(path: string, encoding: 'utf8'): string;
  readFileSync(path: string): Uint8Array;
  rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
}

interface OsFacade {
  tmpdir(): string;
}

async function loadNodeBuiltin<Facade>(specifier: string): Promise<Facade> {
  return (await import(/* @vite-ignore */ specifier)) as Facade;
}

export interface MinisignRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MinisignWorkspace {
  readonly dir: string;
  path(name: string): string;
  write(name: string, data: string | Uint8Array): void;
  readText(name: string): string;
  /** Runs minisign with stdin closed empty, so a password prompt fails instead of hanging. */
  run(args: readonly string[]): MinisignRun;
  /** Like run, but throws with minisign's own output if it exits non-zero. */
  runOk(args: readonly string[]): MinisignRun;
  dispose(): void;
}

export async function minisignIsInstalled(): Promise<boolean> {
  const fs = await loadNodeBuiltin<FsFacade>('node:fs');
  return fs.existsSync(MINISIGN_PATH);
}

export async function openMinisignWorkspace(): Promise<MinisignWorkspace> {
  const [fs, os, childProcess] = await Promise.all([
    loadNodeBuiltin<FsFacade>('node:fs'),
    loadNodeBuiltin<OsFacade>('node:os'),
    loadNodeBuiltin<ChildProcessFacade>('node:child_process'),
  ]);
  const dir = fs.mkdtempSync(`${os.tmpdir()}/kpo-minisign-`);
  const path = (name: string): string => `${dir}/${name}`;
  const run = (args: readonly string[]): MinisignRun => {
    const result = childProcess.spawnSync(MINISIGN_PATH, args, {
      cwd: dir,
      input: '',
      encoding: 'utf8',
      timeout: 15_000,
    });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    dir,
    path,
    write: (name, data) => {
      fs.writeFileSync(path(name), data);
    },
    readText: (name) => fs.readFileSync(path(name), 'utf8'),
    run,
    runOk: (args) => {
      const result = run(args);
      if (result.status !== 0) {
        throw new Error(
          `minisign ${args.join(' ')} exited ${String(result.status)}\n${result.stdout}${result.stderr}`,
        );
      }
      return result;
    },
    dispose: () => {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
