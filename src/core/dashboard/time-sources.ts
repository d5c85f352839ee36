import type { DashboardTimeEntry } from './metrics';

/** An entry logged on this installation. */
export interface LocalTimeEntry {
  id: string;
  taskId: string;
  /** YYYY-MM-DD. */
  date: string;
  minutes: number;
}

/** The analyst's entries as one received version of a task froze them (its time/entries.json). */
export interface ReceivedTimeSet {
  taskId: string;
  /** null: the delivered version, whose number the record did not keep; nothing follows it. */
  version: number | null;
  entries: readonly { id: string; date: string; minutes: number }[];
}

const rank = (version: number | null): number => version ?? Number.POSITIVE_INFINITY;

/**
 * The time entries the dashboard counts, each once. Entries are identified by their id: an entry
 * logged here wins over every received copy of it; of the received ones, a task counts only its
 * latest version known, since each version's time/entries.json holds all the time logged up to it.
 * Copies of that version from several packages (the submission and the acceptance, say) are one.
 */
export function mergeTimeEntries(
  local: readonly LocalTimeEntry[],
  received: readonly ReceivedTimeSet[],
): DashboardTimeEntry[] {
  const seen = new Set<string>();
  const merged: DashboardTimeEntry[] = [];
  for (const { id, taskId, date, minutes } of local) {
    if (seen.has(id)) continue;
    seen.add(id);
    merged.push({ taskId, date, minutes });
  }
  const latest = new Map<string, number>();
  for (const set of received) {
    latest.set(set.taskId, Math.max(latest.get(set.taskId) ?? Number.NEGATIVE_INFINITY, rank(set.version)));
  }
  for (const set of received) {
    if (rank(set.version) !== latest.get(set.taskId)) continue;
    for (const { id, date, minutes } of set.entries) {
      if (seen.has(id)) continue;
      seen.add(id);
      merged.push({ taskId: set.taskId, date, minutes, receivedFrom: { version: set.version } });
    }
  }
  return merged;
}
