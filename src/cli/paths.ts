import { basename, isAbsolute, relative, resolve, sep } from 'node:path';

/** A command-line path resolved against the injected working directory. */
export function resolvePath(cwd: string, path: string): string {
  return resolve(cwd, path);
}

/** True when `child` is `parent` itself or lies inside it, judged on resolved paths. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export { basename };
