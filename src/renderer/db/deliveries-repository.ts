import type { DeliveryHistory } from '@core/review';
import { deliveryHistory } from '@core/review';
import type { KpoDatabase } from './database';
import type { AcceptanceRecord, ReceivedTimeEntry, TaskRecord } from './records';
import { readTaskEvents } from './task-events';

/**
 * Where this installation holds a task's deliverable package: `received`, as the client does (the
 * latest version stored came in a deliverable package); `sent`, as the reviewer who signed and
 * exported it does; or `none`, as a coordinator who only learns of the delivery from the log.
 */
export type DeliverableHolding =
  | { held: 'received'; packageId: string }
  | { held: 'sent'; packageId: string; fileName: string; createdAt: string }
  | { held: 'none' };

/** What a provider can say about a task's delivery without the deliverable itself. */
export interface TaskDeliverySummary {
  task: TaskRecord;
  /** From the task's audit log: the delivery and, as logged, the client's decision. */
  history: DeliveryHistory;
  /** The client's decision as the acceptance they signed states it, when one was imported here. */
  acceptance?: AcceptanceRecord;
  /** The time logged on the latest version received here, with that version (null: the delivered one). */
  time?: { version: number | null; entries: ReceivedTimeEntry[] };
}

export function createDeliveriesRepository(db: KpoDatabase) {
  return {
    holding: async (taskId: string): Promise<DeliverableHolding> => {
      // Keys first, so neither every version's files nor every package's bytes are loaded.
      const versions = await db.submissions.where('taskId').equals(taskId).primaryKeys();
      const latest = versions.reduce<number | undefined>(
        (max, [, version]) => (max === undefined || version > max ? version : max),
        undefined,
      );
      const submission = latest === undefined ? undefined : await db.submissions.get([taskId, latest]);
      if (submission) {
        const deliverables = await db.receivedPackages.where('kind').equals('deliverable').primaryKeys();
        if (deliverables.includes(submission.packageId)) {
          return { held: 'received', packageId: submission.packageId };
        }
      }
      let sent: DeliverableHolding = { held: 'none' };
      await db.sentPackages
        .where('taskId')
        .equals(taskId)
        .each(({ packageId, kind, fileName, createdAt }) => {
          if (kind === 'deliverable' && (sent.held !== 'sent' || createdAt >= sent.createdAt)) {
            sent = { held: 'sent', packageId, fileName, createdAt };
          }
        });
      return sent;
    },

    summary: async (taskId: string): Promise<TaskDeliverySummary | undefined> =>
      db.transaction('r', [db.tasks, db.taskEvents, db.acceptances, db.receivedTime], async () => {
        const task = await db.tasks.get(taskId);
        if (!task) return undefined;
        const [events, acceptances, received] = await Promise.all([
          readTaskEvents(db, taskId),
          db.acceptances.where('taskId').equals(taskId).sortBy('receivedAt'),
          db.receivedTime.where('taskId').equals(taskId).toArray(),
        ]);
        const rank = (version: number | undefined) => version ?? Number.POSITIVE_INFINITY;
        const latest = received.reduce<(typeof received)[number] | undefined>(
          (best, record) => (best === undefined || rank(record.version) > rank(best.version) ? record : best),
          undefined,
        );
        const acceptance = acceptances.at(-1);
        return {
          task,
          history: deliveryHistory(events),
          ...(acceptance ? { acceptance } : {}),
          ...(latest ? { time: { version: latest.version ?? null, entries: latest.entries } } : {}),
        };
      }),
  };
}

export type DeliveriesRepository = ReturnType<typeof createDeliveriesRepository>;
