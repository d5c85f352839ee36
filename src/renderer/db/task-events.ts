import type { AuditEvent } from '@core/package';
import { appendAuditEvent, checkAuditChain } from '@core/package';
import type { AuditChainProblem } from '@core/package';
import type { KpoDatabase } from './database';
import type { TaskEventRecord } from './records';

/**
 * Appends one event to a task's hash-chained audit log. Call it inside a transaction that includes
 * `taskEvents` and `profile`, together with the change it records, so a change is never stored
 * without its event or the other way round. The actor is this installation's key unless the event
 * records what someone else did (a move a received package implies is the sender's).
 */
export async function appendTaskEvent(
  db: KpoDatabase,
  taskId: string,
  type: string,
  data: Record<string, unknown> = {},
  options: { at?: Date; actor?: string } = {},
): Promise<TaskEventRecord> {
  const at = options.at ?? new Date();
  const last = await db.taskEvents.where('[taskId+seq]').between([taskId, 0], [taskId, Infinity]).last();
  const profile = await db.profile.get('me');
  const [event] = appendAuditEvent(last ? [toAuditEvent(last)] : [], {
    at: at.toISOString(),
    actor: options.actor ?? profile?.keyId ?? 'unknown',
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

/**
 * Takes the log that came with a package as the task's log. The sender's log and ours share their
 * beginning, but each side may have logged events after the hand-off that the other never saw (a
 * move recorded once a file was saved); those local events are not dropped: they are carried into
 * the adopted chain as one `audit.local-events-kept` event, so nothing logged here is lost. A log
 * that does not start like ours is another task's history and is refused.
 * Call inside a transaction with `taskEvents` and `profile`.
 */
export async function adoptTaskEvents(
  db: KpoDatabase,
  taskId: string,
  events: readonly AuditEvent[],
): Promise<void> {
  const local = await readTaskEvents(db, taskId);
  const incoming = new Set(events.map((event) => event.hash));
  if (local.length > 0 && events.length > 0 && local[0]?.hash !== events[0]?.hash) {
    throw new Error(
      'The audit log in this package does not start like the log of the same task here: it is another history, so it was not imported.',
    );
  }
  const unseen = local.filter((event) => !incoming.has(event.hash));
  await db.taskEvents.where('taskId').equals(taskId).delete();
  await db.taskEvents.bulkAdd(events.map((event) => ({ taskId, ...event })));
  if (unseen.length > 0) {
    await appendTaskEvent(db, taskId, 'audit.local-events-kept', {
      reason: 'logged here after the hand-off, not in the received log',
      events: unseen,
    });
  }
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
