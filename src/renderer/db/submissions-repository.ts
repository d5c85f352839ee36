import type { AuditEvent } from '@core/package';
import { appendAuditEvent, GENESIS_HASH } from '@core/package';
import { findingReferences } from '@core/findings';
import { checkTransition } from '@core/workflow';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type {
  AnswerRecord,
  ChartRecord,
  FindingRecord,
  ProfileRecord,
  QcResultRecord,
  SavedViewRecord,
  SentPackageRecord,
  SourceRecord,
  SubmissionRecord,
  TaskFileRecord,
  TaskRecord,
  TimeEntryRecord,
} from './records';
import { appendTaskEvent, readTaskEvents } from './task-events';

/** Everything a deliverable version is frozen from, read in one consistent snapshot. */
export interface SubmissionInputs {
  task: TaskRecord;
  profile: ProfileRecord | undefined;
  answers: AnswerRecord[];
  findings: FindingRecord[];
  charts: ChartRecord[];
  sources: SourceRecord[];
  /** Source attachments, keyed by their path in `taskFiles`. */
  attachments: Map<string, TaskFileRecord>;
  qcResults: QcResultRecord[];
  timeEntries: TimeEntryRecord[];
  /** Saved views cited as evidence or by kpo:view links: the deliverable's result tables. */
  views: SavedViewRecord[];
  /**
   * The last event of the task's log when this was read. Every edit to the work appends an event, so
   * a version frozen from these inputs is still current exactly while the log ends here.
   */
  auditHead: AuditHead;
}

/** Where a task's audit log ends: its last event's position and hash (0 and the genesis hash if empty). */
export interface AuditHead {
  seq: number;
  hash: string;
}

async function auditHeadOf(db: KpoDatabase, taskId: string): Promise<AuditHead> {
  const last = await db.taskEvents.where('[taskId+seq]').between([taskId, 0], [taskId, Infinity]).last();
  return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

const sameHead = (a: AuditHead, b: AuditHead) => a.seq === b.seq && a.hash === b.hash;

export type SubmissionSummary = Omit<SubmissionRecord, 'files'>;

export const SUBMISSION_FROZEN_EVENT = 'submission.frozen';

export function createSubmissionsRepository(db: KpoDatabase) {
  return {
    loadInputs: async (taskId: string): Promise<SubmissionInputs> =>
      db.transaction(
        'r',
        [
          db.tasks,
          db.profile,
          db.answers,
          db.findings,
          db.charts,
          db.sources,
          db.taskFiles,
          db.qcResults,
          db.timeEntries,
          db.savedViews,
          db.taskEvents,
        ],
        async () => {
          const task = await db.tasks.get(taskId);
          if (!task) throw new UserInputError('This task no longer exists on this computer.');
          const byTask = { taskId } as const;
          const [profile, answers, findings, charts, sources, qcResults, timeEntries] = await Promise.all([
            db.profile.get('me'),
            db.answers.where('taskId').equals(taskId).sortBy('questionNumber'),
            db.findings.where(byTask).sortBy('createdAt'),
            db.charts.where(byTask).sortBy('createdAt'),
            db.sources.where(byTask).sortBy('createdAt'),
            db.qcResults.where(byTask).toArray(),
            db.timeEntries.where(byTask).sortBy('date'),
          ]);
          const attachmentPaths = sources.flatMap((s) => (s.attachmentPath ? [s.attachmentPath] : []));
          const attachments = new Map<string, TaskFileRecord>();
          for (const path of attachmentPaths) {
            const file = await db.taskFiles.get([taskId, path]);
            if (file) attachments.set(path, file);
          }
          const viewIds = new Set<string>([
            ...answers.flatMap((a) => a.evidence.filter((e) => e.kind === 'view').map((e) => e.id)),
            ...findings.flatMap((f) =>
              findingReferences(f.markdown)
                .filter((link) => link.kind === 'view')
                .map((link) => link.id),
            ),
          ]);
          const views = (await db.savedViews.bulkGet([...viewIds])).filter(
            (view): view is SavedViewRecord => view !== undefined,
          );
          const auditHead = await auditHeadOf(db, taskId);
          return {
            auditHead,
            task,
            profile,
            answers,
            findings,
            charts,
            sources,
            attachments,
            qcResults,
            timeEntries,
            views,
          };
        },
      ),

    /**
     * The task's audit log with a `submission.frozen` event appended, in memory only: it goes into
     * the package before the user has saved it, and is stored by `commit` once they have. With
     * `basedOn` (where the log ended when the version was assembled), refuses if the work has changed
     * since, so the log in the package never records edits its content does not have.
     */
    prepareFrozenEvent: async (
      taskId: string,
      data: { version: number; contentDigest: string },
      at: Date,
      basedOn?: AuditHead,
    ): Promise<{ events: AuditEvent[]; event: AuditEvent }> => {
      const [existing, profile] = await db.transaction('r', [db.taskEvents, db.profile], async () =>
        Promise.all([readTaskEvents(db, taskId), db.profile.get('me')]),
      );
      const last = existing.at(-1);
      if (basedOn && !sameHead(basedOn, { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH }))
        throw new UserInputError(
          'The task’s work changed after this version was previewed. Nothing was signed or saved: check the refreshed preview and submit again.',
        );
      const events = appendAuditEvent(existing, {
        at: at.toISOString(),
        actor: profile?.keyId ?? 'unknown',
        type: SUBMISSION_FROZEN_EVENT,
        data,
      });
      const event = events[events.length - 1];
      if (!event) throw new Error('the audit chain returned no event');
      return { events, event };
    },

    /**
     * Records a submission in one transaction: the frozen event exactly as packaged, the frozen
     * files, the signed package (so it can be saved again), and the move to submitted with the task's
     * version bumped. Refuses (changing nothing) if the log moved on since the event was prepared,
     * since the package would then disagree with it: call it after the user chose where to save and
     * before the file is written, so a refusal never leaves a saved file unrecorded.
     */
    commit: async (
      frozenEvent: AuditEvent,
      record: SubmissionRecord,
      sent?: SentPackageRecord,
    ): Promise<void> => {
      const { taskId, version, contentDigest, packageId } = record;
      const tables = [db.tasks, db.taskEvents, db.profile, db.submissions, db.sentPackages];
      await db.transaction('rw', tables, async () => {
        const task = await db.tasks.get(taskId);
        if (!task) throw new UserInputError('This task no longer exists on this computer.');
        const last = await db.taskEvents
          .where('[taskId+seq]')
          .between([taskId, 0], [taskId, Infinity])
          .last();
        if (
          (last?.hash ?? GENESIS_HASH) !== frozenEvent.prevHash ||
          (last?.seq ?? 0) + 1 !== frozenEvent.seq
        ) {
          throw new UserInputError(
            'The task’s work changed while the submission was being exported. Nothing was saved or recorded: check the refreshed preview and submit again.',
          );
        }
        if (version !== task.version + 1) {
          throw new UserInputError(
            `Version ${version} cannot follow version ${task.version}. Nothing was recorded; export it again.`,
          );
        }
        checkTransition(task.state, 'submitted', 'analyst');
        await db.taskEvents.add({ taskId, ...frozenEvent });
        await db.submissions.add(record);
        if (sent) await db.sentPackages.put(sent);
        await db.tasks.update(taskId, { state: 'submitted', version, updatedAt: new Date().toISOString() });
        await appendTaskEvent(db, taskId, 'task.state-changed', {
          from: task.state,
          to: 'submitted',
          by: 'analyst',
          version,
          contentDigest,
          packageId,
        });
      });
    },

    /**
     * When the work last left the analyst: for `delivered`, the last move to delivered in the audit
     * log; otherwise (or when no delivery is logged) the latest version's submission time.
     */
    handedIn: async (
      taskId: string,
      kind: 'submitted' | 'delivered',
    ): Promise<{ kind: 'submitted' | 'delivered'; at: string } | undefined> => {
      if (kind === 'delivered') {
        const delivery = await db.taskEvents
          .where('[taskId+seq]')
          .between([taskId, 0], [taskId, Infinity])
          .reverse()
          .filter((event) => event.type === 'task.state-changed' && event.data['to'] === 'delivered')
          .first();
        if (delivery) return { kind: 'delivered', at: delivery.at };
      }
      const versions = await db.submissions.where('taskId').equals(taskId).toArray();
      const latest = versions.sort((a, b) => b.version - a.version)[0];
      return latest ? { kind: 'submitted', at: latest.submittedAt } : undefined;
    },

    /** Where the task's audit log ends now: any change to the work moves it. */
    auditHead: async (taskId: string): Promise<AuditHead> => auditHeadOf(db, taskId),

    /** Versions of a task, newest first, without their files. */
    listForTask: async (taskId: string): Promise<SubmissionSummary[]> => {
      const records = await db.submissions.where('taskId').equals(taskId).reverse().sortBy('version');
      return records.map(({ files: _files, ...summary }) => summary);
    },

    get: async (taskId: string, version: number): Promise<SubmissionRecord | undefined> =>
      db.submissions.get([taskId, version]),
  };
}

export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>;
