/**
 * Node-only facilities for tests (independent hashing, external tools, temp files, memory figures).
 *
 * Why loaded by name at runtime instead of `import 'node:…'`: src/core is also type-checked by the
 * web tsconfig (no Node types) and linted with a ban on Node built-ins, which applies to test files
 * too. Tests only ever run under Vitest in Node, so they reach Node through this one narrow,
 * explicitly typed door rather than by weakening the lint rule for all of core.
 */
interface SpawnResult {
  status: number | null;
  stdout: { toString(): string };
  stderr: { toString(): string };
  error?: Error;
}
interface NodeModules {
  crypto: {
    createHash(algorithm: string): { update(data: Uint8Array): { digest(encoding: 'hex'): string } };
  };
  childProcess: {
    spawnSync(command: string, args: string[], options: { input?: Uint8Array; cwd?: string }): SpawnResult;
  };
  fs: {
    mkdtempSync(prefix: string): string;
    mkdirSync(path: string, options: { recursive: true }): void;
    writeFileSync(path: string, data: Uint8Array): void;
    rmSync(path: string, options: { recursive: true; force: true }): void;
  };
  os: { tmpdir(): string };
  path: { join(...parts: string[]): string; dirname(path: string): string };
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface NodeRuntime {
  hashHex(algorithm: string, bytes: Uint8Array): string;
  /** Runs a program; null when it is not installed, so comparisons with system tools are optional. */
  run(command: string, args: string[], options?: { input?: Uint8Array; cwd?: string }): CommandResult | null;
  withTempDir<T>(use: (dir: string) => T): T;
  writeFile(path: string, data: Uint8Array): void;
  joinPath(...parts: string[]): string;
  memory(): { arrayBuffers: number; heapUsed: number; rss: number };
  collectGarbage(): void;
}

async function load<T>(name: string): Promise<T> {
  return (await import(/* @vite-ignore */ name)) as T;
}

interface NodeProcess {
  memoryUsage(): { arrayBuffers: number; heapUsed: number; rss: number };
}

export async function loadNodeRuntime(): Promise<NodeRuntime> {
  const modules: NodeModules = {
    crypto: await load('node:crypto'),
    childProcess: await load('node:child_process'),
    fs: await load('node:fs'),
    os: await load('node:os'),
    path: await load('node:path'),
  };
  const processRef = (globalThis as unknown as { process: NodeProcess }).process;
  const gc = (globalThis as { gc?: () => void }).gc;
  return {
    hashHex: (algorithm, bytes) => modules.crypto.createHash(algorithm).update(bytes).digest('hex'),
    run(command, args, options = {}) {
      const result = modules.childProcess.spawnSync(command, args, options);
      if (result.error) return null;
      return { status: result.status, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
    },
    withTempDir(use) {
      const dir = modules.fs.mkdtempSync(modules.path.join(modules.os.tmpdir(), 'kpo-test-'));
      try {
        return use(dir);
      } finally {
        modules.fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    writeFile(path, data) {
      modules.fs.mkdirSync(modules.path.dirname(path), { recursive: true });
      modules.fs.writeFileSync(path, data);
    },
    joinPath: (...parts) => modules.path.join(...parts),
    memory: () => processRef.memoryUsage(),
    collectGarbage: () => gc?.(),
  };
}
