import type { AuditEvent } from '@core/package';
import { ACCEPTANCE_FILE, serializeAuditLog, TASK_FILE, TIME_ENTRIES_FILE } from '@core/package';
import type { Acceptance } from '@core/review';

const encoder = new TextEncoder();
const payloadPath = (bagPath: string): string => bagPath.slice('data/'.length);

/**
 * What an acceptance package carries, keyed relative to data/: the deliverable's task.json, the
 * task's log, the signed decision, and the deliverable's time/entries.json byte for byte, so the
 * provider who bills (and may never have held the work) learns the hours that were delivered.
 */
export function acceptancePayload(
  deliverable: ReadonlyMap<string, Uint8Array>,
  acceptance: Acceptance,
  events: readonly AuditEvent[],
): Map<string, Uint8Array> {
  const taskJson = deliverable.get(TASK_FILE);
  if (!taskJson) throw new Error(`The deliverable has no ${TASK_FILE} to send back.`);
  const files = new Map<string, Uint8Array>([
    [payloadPath(TASK_FILE), taskJson],
    ['audit/events.jsonl', encoder.encode(serializeAuditLog(events))],
    [payloadPath(ACCEPTANCE_FILE), encoder.encode(`${JSON.stringify(acceptance, null, 2)}\n`)],
  ]);
  const timeEntries = deliverable.get(TIME_ENTRIES_FILE);
  if (timeEntries) files.set(payloadPath(TIME_ENTRIES_FILE), timeEntries);
  return files;
}
