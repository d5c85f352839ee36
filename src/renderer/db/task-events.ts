import type { AuditEvent } from '@core/package';
import { appendAuditEvent, checkAuditChain } from '@core/package';
import type { AuditChainProblem } from '@core/package';
import type { KpoDatabase } from './database';
import type { TaskEventRecord } from './records';

/**
 * Appends one event to a task's hash-chained audit log. Call it inside a transaction that includes
 * `taskEvents` and `profile`, together with the change it records, so a change is never stored
 * without its event or the other way round.
 */
export async function appendTaskEvent(
  db: KpoDatabase,
  taskId: string,
  type: string,
  data: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<TaskEventRecord> {
  const last = await db.taskEvents.where('[taskId+seq]').between([taskId, 0], [taskId, Infinity]).last();
  const profile = await db.profile.get('me');
  const [event] = appendAuditEvent(last ? [toAuditEvent(last)] : [], {
    at: at.toISOString(),
    actor: profile?.keyId ?? 'unknown',
    type,
    data,
  }).slice(-1);
  if (!event) throw new Error('the audit chain returned no event');
  const record: TaskEventRecord = { taskId, ...event };
  await db.taskEvents.add(record);
  return record;
}

/** A task's events in chain order. */
export async function readTaskEvents(db: KpoDatabase, taskId: string): Promise<AuditEvent[]> {
  const records = await db.taskEvents
    .where('[taskId+seq]')
    .between([taskId, 0], [taskId, Infinity])
    .toArray();
  return records.map(toAuditEvent);
}

/** Stores events that came with a package (a continuing chain), then checks the whole log. */
export async function adoptTaskEvents(
  db: KpoDatabase,
  taskId: string,
  events: readonly AuditEvent[],
): Promise<void> {
  await db.taskEvents.where('taskId').equals(taskId).delete();
  await db.taskEvents.bulkAdd(events.map((event) => ({ taskId, ...event })));
}

export function toAuditEvent(record: TaskEventRecord): AuditEvent {
  const { taskId: _taskId, ...event } = record;
  return event;
}

export interface TaskAuditLog {
  events: AuditEvent[];
  /** Empty when the chain is intact. */
  problems: AuditChainProblem[];
}

export async function readTaskAuditLog(db: KpoDatabase, taskId: string): Promise<TaskAuditLog> {
  const events = await readTaskEvents(db, taskId);
  return { events, problems: checkAuditChain(events) };
}
