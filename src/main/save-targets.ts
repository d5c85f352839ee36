/**
 * Paths the user chose in a save dialog whose bytes come later: the renderer gets an opaque token,
 * never a path, and each token writes once, for the window that asked. A caller that records what it
 * is about to save (a submission) chooses first, records, then writes, so a cancelled dialog changes
 * nothing and a refused record writes nothing.
 */
import { randomUUID } from 'node:crypto';

export class SaveTargets {
  private readonly targets = new Map<string, { path: string; owner: number }>();

  /** `limit`: tokens never used (the caller gave up) are dropped oldest first past this many. */
  constructor(
    private readonly limit = 16,
    private readonly newToken: () => string = randomUUID,
  ) {}

  add(path: string, owner: number): string {
    const token = this.newToken();
    this.targets.set(token, { path, owner });
    for (const oldest of this.targets.keys()) {
      if (this.targets.size <= this.limit) break;
      this.targets.delete(oldest);
    }
    return token;
  }

  /** The chosen path, once; refuses a token that is unknown, used, dropped or another window's. */
  take(token: string, owner: number): string {
    const target = this.targets.get(token);
    if (target?.owner !== owner)
      throw new Error('that save location is unknown or was already used; choose where to save again');
    this.targets.delete(token);
    return target.path;
  }
}
