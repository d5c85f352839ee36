import type { AuditEvent, Task } from '@core/package';
import { acceptanceMismatches, lastDelivery } from '@core/review';
import type { TaskState } from '@core/workflow';
import { isTaskState, STATE_LABELS } from '@core/workflow';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type {
  QcVerdictRecord,
  ReceivedTimeEntry,
  ReviewCommentRecord,
  SubmissionRecord,
  TaskPersonRecord,
  TaskRecord,
} from './records';
import { adoptTaskEvents, appendTaskEvent, readTaskEvents } from './task-events';

/** What a received package carries about its task, already parsed and verified by the caller. */
export interface ReceivedTaskWork {
  task: Task;
  packageId: string;
  /** The task's audit log as the sender kept it; it replaces ours (it continues the same chain). */
  events: readonly AuditEvent[];
  /** Who signed the package: the move it implies is theirs, not this installation's. */
  sender: { keyId: string; name?: string };
}

export interface ReceivedVersion extends ReceivedTaskWork {
  /** Payload files keyed relative to data/ (deliverable/..., qc/checklist.json, ...). */
  files: Record<string, Uint8Array>;
  contentDigest: string;
  submittedBy: TaskPersonRecord;
  submittedAt: string;
  /** When the package does not say, the next version after the ones stored. */
  version?: number;
  /** The analyst's time/entries.json as this version froze it, validated; absent when it carried none. */
  timeEntries?: ReceivedTimeEntry[];
}

const STATES_AFTER_APPROVAL: ReadonlySet<TaskState> = new Set([
  'approved',
  'delivered',
  'accepted',
  'rejected',
]);

/** The moves that decide on a version under review; once one is logged, that version is closed. */
const DECISION_STATES: ReadonlySet<TaskState> = new Set([
  'changes_requested',
  'approved',
  'delivered',
  'accepted',
  'rejected',
]);

/** The last decision logged on `version` (the reviewer's move records the version it was about). */
function decisionOn(events: readonly AuditEvent[], version: number): TaskState | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    const to = event?.type === 'task.state-changed' ? event.data['to'] : undefined;
    if (isTaskState(to) && DECISION_STATES.has(to) && event?.data['version'] === version) return to;
  }
  return null;
}

/** How a decided version reads in a sentence: "changes were requested on it". */
function decidedAs(state: TaskState): string {
  return state === 'changes_requested'
    ? 'changes were requested on it'
    : `it was ${STATE_LABELS[state].toLowerCase()}`;
}

/**
 * The version a received submission or deliverable becomes: the stored one with the same content,
 * else the version its manifest states, else the next after the ones stored.
 */
function incomingVersion(work: ReceivedVersion, stored: readonly SubmissionRecord[]): number {
  const same = stored.find((s) => s.contentDigest === work.contentDigest);
  return same?.version ?? work.version ?? Math.max(0, ...stored.map((s) => s.version)) + 1;
}

function lastStateIn(events: readonly AuditEvent[]): TaskState | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const to = events[i]?.type === 'task.state-changed' ? events[i]?.data['to'] : undefined;
    if (isTaskState(to)) return to;
  }
  return null;
}

function taskRecordFrom(
  task: Task,
  state: TaskState,
  existing: TaskRecord | undefined,
  version: number,
): TaskRecord {
  const now = new Date().toISOString();
  const person = (p: Task['people']['coordinator'] | undefined): TaskPersonRecord | undefined =>
    p ? { name: p.name, keyId: p.keyId, ...(p.email ? { email: p.email } : {}) } : undefined;
  const coordinator = person(task.people.coordinator);
  const analyst = person(task.people.analyst);
  const reviewer = person(task.people.reviewer);
  return {
    ...existing,
    id: task.id,
    origin: existing?.origin ?? 'received',
    state,
    title: task.title,
    client: task.client,
    brief: task.brief,
    questions: task.questions,
    due: task.due,
    priority: task.priority,
    estimateHours: task.estimateHours,
    ...(coordinator ? { coordinator } : {}),
    ...(analyst ? { analyst } : {}),
    ...(reviewer ? { reviewer } : {}),
    datasets:
      existing?.datasets ??
      task.datasets.map(({ path, name, sha256, bytes }) => ({ path, name, sha256, bytes })),
    checklistName: task.checklist.name ?? existing?.checklistName ?? 'Checklist',
    checklist: task.checklist.items.map(({ id, text, severity, evidenceRequired, automaticCheck }) => ({
      id,
      text,
      severity,
      evidenceRequired,
      ...(automaticCheck ? { automaticCheck } : {}),
    })),
    version: Math.max(existing?.version ?? 0, version),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

/**
 * Applies received hand-offs to the local database, each in one transaction: the task record, the
 * sender's audit log (continued here with a local event saying what arrived) and what the package
 * carries. When the sender's log does not yet show the state the package implies (the sender moves
 * the task once the file is saved), the move is recorded here so state and log always agree.
 */
export function createHandoffRepository(db: KpoDatabase) {
  const adopt = async (
    work: ReceivedTaskWork,
    state: TaskState,
    by: string,
    kind: string,
    details: Record<string, unknown>,
  ): Promise<void> => {
    // A package without a log (or an empty one) must not wipe the history kept here.
    if (work.events.length > 0) await adoptTaskEvents(db, work.task.id, work.events);
    const logged = lastStateIn(work.events.length > 0 ? work.events : await readTaskEvents(db, work.task.id));
    if (logged !== state) {
      await appendTaskEvent(
        db,
        work.task.id,
        'task.state-changed',
        {
          from: logged,
          to: state,
          by,
          via: work.packageId,
          ...details,
          ...(work.sender.name ? { senderName: work.sender.name } : {}),
        },
        { actor: work.sender.keyId },
      );
    }
    await appendTaskEvent(db, work.task.id, 'package.received', {
      kind,
      packageId: work.packageId,
      ...details,
    });
  };

  const storeVersion = async (
    work: ReceivedVersion,
    state: TaskState,
    kind: 'submission' | 'deliverable',
    by: string,
  ): Promise<number> => {
    const existing = await db.tasks.get(work.task.id);
    const stored = await db.submissions.where('taskId').equals(work.task.id).toArray();
    const version = incomingVersion(work, stored);
    const record: SubmissionRecord = {
      taskId: work.task.id,
      version,
      contentDigest: work.contentDigest,
      files: work.files,
      submittedAt: work.submittedAt,
      submittedBy: work.submittedBy,
      packageId: work.packageId,
    };
    await db.submissions.put(record);
    if (work.timeEntries) {
      await db.receivedTime.put({
        packageId: work.packageId,
        taskId: work.task.id,
        kind,
        version,
        entries: work.timeEntries,
        receivedAt: new Date().toISOString(),
      });
    }
    await db.tasks.put(taskRecordFrom(work.task, state, existing, version));
    await adopt(work, state, by, kind, { version, contentDigest: work.contentDigest });
    return version;
  };

  /**
   * A submission only ever moves the review forward: a version older than the one here, or the
   * same version once a decision on it is logged, would put decided work back under review (and
   * an approval would then sign it). The same version while it still waits for a decision is
   * harmless (a re-sent copy) and is stored again.
   */
  const refuseStaleSubmission = async (work: ReceivedVersion, existing: TaskRecord): Promise<void> => {
    const stored = await db.submissions.where('taskId').equals(work.task.id).toArray();
    const version = incomingVersion(work, stored);
    const current = existing.version;
    if (version > current) return;
    const events = await readTaskEvents(db, work.task.id);
    // A log that lost the version on the move still shows the decision in the task's state.
    const decision =
      decisionOn(events, current) ?? (DECISION_STATES.has(existing.state) ? existing.state : null);
    const title = `"${existing.title}"`;
    if (version < current) {
      const standing = decision ? decidedAs(decision) : 'it is waiting for review';
      throw new UserInputError(
        `This is version ${String(version)} of ${title}; version ${String(current)} is already here and ${standing}, so this older version was not imported.`,
      );
    }
    if (decision) {
      throw new UserInputError(
        `This is version ${String(version)} of ${title}; version ${String(current)} is already here and ${decidedAs(decision)}, so it was not imported again. Revised work comes as version ${String(current + 1)}.`,
      );
    }
  };

  const tables = [db.tasks, db.submissions, db.taskEvents, db.profile, db.receivedTime] as const;

  return {
    /** Reviewer side: a submission becomes version N of the task, waiting for review. */
    receiveSubmission: async (work: ReceivedVersion): Promise<number> =>
      db.transaction('rw', [...tables], async () => {
        const existing = await db.tasks.get(work.task.id);
        if (existing && STATES_AFTER_APPROVAL.has(existing.state)) {
          throw new UserInputError(
            `"${existing.title}" was already ${existing.state}; a new submission cannot reopen it.`,
          );
        }
        if (existing) await refuseStaleSubmission(work, existing);
        return storeVersion(work, 'submitted', 'submission', 'analyst');
      }),

    /** Client side: the approved deliverable, kept as the version the client reads and signs. */
    receiveDeliverable: async (work: ReceivedVersion): Promise<number> =>
      db.transaction('rw', [...tables], async () => {
        const existing = await db.tasks.get(work.task.id);
        if (existing && (existing.state === 'accepted' || existing.state === 'rejected')) {
          throw new UserInputError(`"${existing.title}" was already ${existing.state}.`);
        }
        return storeVersion(work, 'delivered', 'deliverable', 'reviewer');
      }),

    /** Analyst side: the reviewer's comments and verdicts on the latest version arrive and work resumes. */
    receiveReview: async (
      work: ReceivedTaskWork & {
        /** The version the review is about. */
        version: number;
        comments: readonly ReviewCommentRecord[];
        verdicts: readonly QcVerdictRecord[];
        reason: string;
      },
    ): Promise<void> => {
      await db.transaction(
        'rw',
        [db.tasks, db.taskEvents, db.profile, db.reviewComments, db.qcVerdicts],
        async () => {
          const existing = await db.tasks.get(work.task.id);
          if (!existing) {
            throw new UserInputError(
              `This review is about task ${work.task.id}, which is not in this workbench.`,
            );
          }
          if (work.version !== existing.version) {
            throw new UserInputError(
              `This review is about version ${String(work.version)} of "${existing.title}", but version ${String(existing.version)} is the latest submitted here; it was not imported.`,
            );
          }
          if (existing.state !== 'submitted' && existing.state !== 'changes_requested') {
            throw new UserInputError(
              `"${existing.title}" is ${existing.state}; only submitted work can come back for changes.`,
            );
          }
          await db.reviewComments.bulkPut([...work.comments]);
          await db.qcVerdicts.bulkPut([...work.verdicts]);
          await adopt(work, 'changes_requested', 'reviewer', 'review', {
            version: work.version,
            reason: work.reason,
          });
          await db.tasks.update(work.task.id, { state: 'in_progress', updatedAt: new Date().toISOString() });
          await appendTaskEvent(db, work.task.id, 'task.state-changed', {
            from: 'changes_requested',
            to: 'in_progress',
            by: 'analyst',
          });
        },
      );
    },

    /**
     * Provider side: the client's decision closes the task, but only a delivered one, and only when
     * the decision names the deliverable package and content that were delivered. What was
     * delivered is read from the log kept here, else from the log the package carries (which must
     * continue ours): a coordinator who sent the task out learns of its delivery that way.
     */
    receiveAcceptance: async (
      work: ReceivedTaskWork & {
        decision: 'accepted' | 'rejected';
        comments: string;
        signerName: string;
        signerKeyId: string;
        /** When the client signed, as their sign-off says. */
        signedAt: string;
        deliverablePackageId: string;
        /** The digest the client signed. */
        contentDigest: string;
        /** The delivered version's time/entries.json as the acceptance carried it, validated. */
        timeEntries?: ReceivedTimeEntry[];
      },
    ): Promise<void> => {
      await db.transaction('rw', [...tables, db.acceptances], async () => {
        const existing = await db.tasks.get(work.task.id);
        if (!existing) {
          throw new UserInputError(
            `This decision is about task ${work.task.id}, which is not in this workbench.`,
          );
        }
        if (existing.state === 'accepted' || existing.state === 'rejected') {
          throw new UserInputError(`"${existing.title}" was already closed as ${existing.state}.`);
        }
        const delivery = lastDelivery(await readTaskEvents(db, work.task.id)) ?? lastDelivery(work.events);
        if (!delivery) {
          throw new UserInputError(
            `"${existing.title}" is ${STATE_LABELS[existing.state].toLowerCase()} here and the package's log shows no delivery: only a delivered task can be accepted or rejected.`,
          );
        }
        const stored =
          delivery.contentDigest === undefined && delivery.version !== undefined
            ? await db.submissions.get([work.task.id, delivery.version])
            : undefined;
        const mismatches = acceptanceMismatches(
          { deliverablePackageId: work.deliverablePackageId, signoff: { contentDigest: work.contentDigest } },
          stored ? { ...delivery, contentDigest: stored.contentDigest } : delivery,
        );
        if (mismatches.length > 0) {
          throw new UserInputError(
            `The client's decision on "${existing.title}" is not about what was delivered: ${mismatches.join('; ')}.`,
          );
        }
        const receivedAt = new Date().toISOString();
        const version =
          delivery.version ??
          (await db.submissions.where('taskId').equals(work.task.id).toArray()).find(
            (s) => s.contentDigest === work.contentDigest,
          )?.version;
        await db.acceptances.put({
          packageId: work.packageId,
          taskId: work.task.id,
          decision: work.decision,
          comments: work.comments,
          signer: { name: work.signerName, keyId: work.signerKeyId },
          signedAt: work.signedAt,
          deliverablePackageId: work.deliverablePackageId,
          contentDigest: work.contentDigest,
          ...(version === undefined ? {} : { version }),
          receivedAt,
        });
        if (work.timeEntries) {
          await db.receivedTime.put({
            packageId: work.packageId,
            taskId: work.task.id,
            kind: 'acceptance',
            ...(version === undefined ? {} : { version }),
            entries: work.timeEntries,
            receivedAt,
          });
        }
        await db.tasks.put(taskRecordFrom(work.task, work.decision, existing, existing.version));
        await adopt(work, work.decision, 'client', 'acceptance', {
          decision: work.decision,
          comments: work.comments,
          signer: work.signerName,
          deliverablePackageId: work.deliverablePackageId,
        });
      });
    },
  };
}

export type HandoffRepository = ReturnType<typeof createHandoffRepository>;
