import type { AuditEvent } from '@core/package';
import { reviewerStanding } from '@core/review';
import type { TaskState, WorkflowRole } from '@core/workflow';
import { checkTransition, isBriefEditable } from '@core/workflow';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { TaskDatasetRecord, TaskFileRecord, TaskRecord } from './records';
import { adoptTaskEvents, appendTaskEvent, readTaskAuditLog } from './task-events';

/** The fields a coordinator edits on a draft. */
export type TaskDraftFields = Pick<
  TaskRecord,
  | 'title'
  | 'client'
  | 'brief'
  | 'questions'
  | 'due'
  | 'priority'
  | 'estimateHours'
  | 'analyst'
  | 'reviewer'
  | 'checklistName'
  | 'checklist'
>;

/** Changes to a draft; `undefined` clears an optional field (analyst, reviewer). */
export type TaskDraftChanges = { [K in keyof TaskDraftFields]?: TaskDraftFields[K] | undefined };

export const EMPTY_DRAFT: TaskDraftFields = {
  title: '',
  client: '',
  brief: '',
  questions: [],
  due: '',
  priority: 'normal',
  estimateHours: 0,
  checklistName: '',
  checklist: [],
};

/** A task that arrived in a task package, with its files and the audit log it carries. */
export interface ReceivedTaskInput {
  task: Omit<TaskRecord, 'origin' | 'state' | 'version' | 'createdAt' | 'updatedAt'>;
  files: readonly Omit<TaskFileRecord, 'taskId'>[];
  events: readonly AuditEvent[];
  data?: Record<string, unknown>;
}

const CSV_MEDIA_TYPE = 'text/csv';

/** `datasets/<name>.csv`, made unique among the task's paths; names keep letters, digits, . _ - only. */
export function datasetPath(fileName: string, taken: readonly string[]): string {
  const stem =
    fileName
      .replace(/\.(csv|tsv|txt)$/i, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^[-.]+|-+$/g, '') || 'dataset';
  let path = `datasets/${stem}.csv`;
  for (let n = 2; taken.includes(path); n += 1) path = `datasets/${stem}-${n}.csv`;
  return path;
}

export function createTasksRepository(db: KpoDatabase) {
  const requireTask = async (id: string): Promise<TaskRecord> => {
    const task = await db.tasks.get(id);
    if (!task) throw new UserInputError('This task no longer exists on this computer.');
    return task;
  };
  const requireDraft = async (id: string): Promise<TaskRecord> => {
    const task = await requireTask(id);
    if (!isBriefEditable(task.state)) {
      throw new UserInputError('Only a draft can be edited: this task was already sent.');
    }
    return task;
  };

  return {
    /** Most recently changed first. */
    list: async (): Promise<TaskRecord[]> => db.tasks.orderBy('updatedAt').reverse().toArray(),

    get: async (id: string): Promise<TaskRecord | undefined> => db.tasks.get(id),

    /** A new draft authored here; the coordinator is whoever owns this installation. */
    createDraft: async (fields: Partial<TaskDraftFields> = {}): Promise<TaskRecord> => {
      const now = new Date().toISOString();
      return db.transaction('rw', db.tasks, db.taskEvents, db.profile, async () => {
        const profile = await db.profile.get('me');
        const record: TaskRecord = {
          ...EMPTY_DRAFT,
          ...fields,
          id: globalThis.crypto.randomUUID(),
          origin: 'authored',
          state: 'draft',
          ...(profile
            ? { coordinator: { name: profile.displayName, keyId: profile.keyId, email: profile.email } }
            : {}),
          datasets: [],
          version: 0,
          createdAt: now,
          updatedAt: now,
        };
        await db.tasks.add(record);
        await appendTaskEvent(db, record.id, 'task.created', { title: record.title });
        return record;
      });
    },

    /** Edits a draft; a task that left draft keeps its brief as sent. */
    updateDraft: async (id: string, fields: TaskDraftChanges): Promise<void> => {
      await db.transaction('rw', db.tasks, db.taskEvents, db.profile, async () => {
        const task = await requireDraft(id);
        // Only what really changed is logged, so saving an untouched form adds nothing to the log.
        const changed = (Object.keys(fields) as (keyof TaskDraftFields)[])
          .filter((key) => JSON.stringify(task[key]) !== JSON.stringify(fields[key]))
          .sort();
        if (changed.length === 0) return;
        await db.tasks.update(id, { ...fields, updatedAt: new Date().toISOString() });
        await appendTaskEvent(db, id, 'task.edited', { fields: changed });
      });
    },

    /**
     * Moves a task along the workflow, recording the move (and `data`) in its audit log. A reviewer's
     * move is made only by the reviewer the task names, never by its analyst.
     */
    transition: async (
      id: string,
      to: TaskState,
      by: WorkflowRole,
      data: Record<string, unknown> = {},
    ): Promise<void> => {
      await db.transaction('rw', db.tasks, db.taskEvents, db.profile, async () => {
        const task = await requireTask(id);
        checkTransition(task.state, to, by);
        if (by === 'reviewer') {
          const standing = reviewerStanding(task, (await db.profile.get('me'))?.keyId);
          if (!standing.allowed) throw new UserInputError(standing.reason);
        }
        await db.tasks.update(id, { state: to, updatedAt: new Date().toISOString() });
        await appendTaskEvent(db, id, 'task.state-changed', { from: task.state, to, by, ...data });
      });
    },

    /** Records a significant edit in the task's audit log. */
    recordEvent: async (id: string, type: string, data: Record<string, unknown> = {}): Promise<void> => {
      await db.transaction('rw', db.taskEvents, db.profile, async () => {
        await appendTaskEvent(db, id, type, data);
      });
    },

    auditLog: async (id: string) => readTaskAuditLog(db, id),

    /** Deletes a draft with its files and log; a task that was sent is part of the record and stays. */
    removeDraft: async (id: string): Promise<void> => {
      await db.transaction('rw', db.tasks, db.taskFiles, db.taskEvents, async () => {
        const task = await requireTask(id);
        if (task.state !== 'draft' || task.origin !== 'authored') {
          throw new UserInputError('Only a draft written here can be deleted: this task was already sent.');
        }
        await db.taskFiles.where('taskId').equals(id).delete();
        await db.taskEvents.where('taskId').equals(id).delete();
        await db.tasks.delete(id);
      });
    },

    /**
     * A new draft from any task, as the template for the next one: brief, questions, people, datasets
     * (files and their columnar copies) and checklist carry over; work, time, versions and the log do not.
     */
    duplicate: async (id: string): Promise<TaskRecord> => {
      const now = new Date().toISOString();
      return db.transaction('rw', [db.tasks, db.taskFiles, db.taskEvents, db.profile], async () => {
        const source = await requireTask(id);
        const profile = await db.profile.get('me');
        const { coordinator: _c, sourcePackageId: _p, timerStartedAt: _t, ...fields } = source;
        const record: TaskRecord = {
          ...fields,
          id: globalThis.crypto.randomUUID(),
          origin: 'authored',
          state: 'draft',
          title: source.title ? `Copy of ${source.title}` : '',
          questions: source.questions.map((q) => ({ ...q })),
          datasets: source.datasets.map((d) => ({ ...d })),
          checklist: source.checklist.map((item) => ({ ...item })),
          ...(profile
            ? { coordinator: { name: profile.displayName, keyId: profile.keyId, email: profile.email } }
            : {}),
          version: 0,
          createdAt: now,
          updatedAt: now,
        };
        const paths = new Set(source.datasets.map((d) => d.path));
        const files = (await db.taskFiles.where('taskId').equals(id).toArray()).filter((f) =>
          paths.has(f.path),
        );
        await db.tasks.add(record);
        await db.taskFiles.bulkAdd(files.map((f) => ({ ...f, taskId: record.id })));
        await appendTaskEvent(db, record.id, 'task.created', { title: record.title, duplicateOf: id });
        return record;
      });
    },

    /**
     * Keeps a CSV's original bytes with a draft under `datasets/<name>.csv` and lists it on the task.
     * The caller imports the same bytes into the columnar store and records the id with `setDatasetId`.
     */
    attachDataset: async (id: string, fileName: string, bytes: Uint8Array): Promise<TaskDatasetRecord> =>
      db.transaction('rw', [db.tasks, db.taskFiles, db.taskEvents, db.profile], async () => {
        const task = await requireDraft(id);
        const path = datasetPath(
          fileName,
          task.datasets.map((d) => d.path),
        );
        const dataset: TaskDatasetRecord = {
          path,
          name: path.slice('datasets/'.length, -'.csv'.length),
          sha256: bytesToHex(sha256(bytes)),
          bytes: bytes.byteLength,
        };
        await db.taskFiles.put({ taskId: id, path, mediaType: CSV_MEDIA_TYPE, bytes });
        await db.tasks.update(id, {
          datasets: [...task.datasets, dataset],
          updatedAt: new Date().toISOString(),
        });
        await appendTaskEvent(db, id, 'task.dataset-attached', {
          path,
          sha256: dataset.sha256,
          bytes: dataset.bytes,
        });
        return dataset;
      }),

    detachDataset: async (id: string, path: string): Promise<void> => {
      await db.transaction('rw', [db.tasks, db.taskFiles, db.taskEvents, db.profile], async () => {
        const task = await requireDraft(id);
        if (!task.datasets.some((d) => d.path === path)) return;
        await db.taskFiles.delete([id, path]);
        await db.tasks.update(id, {
          datasets: task.datasets.filter((d) => d.path !== path),
          updatedAt: new Date().toISOString(),
        });
        await appendTaskEvent(db, id, 'task.dataset-detached', { path });
      });
    },

    /** Links a task's CSV to its columnar copy (set when the import starts; the copy may still be pending). */
    setDatasetId: async (id: string, path: string, datasetId: string): Promise<void> => {
      await db.transaction('rw', db.tasks, async () => {
        const task = await requireTask(id);
        await db.tasks.update(id, {
          datasets: task.datasets.map((d) => (d.path === path ? { ...d, datasetId } : d)),
        });
      });
    },

    /** One of the task's files (a dataset's original bytes, an attachment), if stored. */
    file: async (id: string, path: string): Promise<TaskFileRecord | undefined> =>
      db.taskFiles.get([id, path]),

    /**
     * Stores a task from a task package with its files and the audit log it carries, then logs the
     * receipt on that chain; all in one transaction, so a failure leaves nothing behind. A task that
     * is already here is refused: a second package for it would silently replace local work.
     */
    receive: async ({ task, files, events, data = {} }: ReceivedTaskInput): Promise<TaskRecord> => {
      const now = new Date().toISOString();
      return db.transaction('rw', [db.tasks, db.taskFiles, db.taskEvents, db.profile], async () => {
        const existing = await db.tasks.get(task.id);
        if (existing) {
          throw new UserInputError(
            `Task "${existing.title}" (id ${task.id}) is already on this computer; a second task package for it was not imported.`,
          );
        }
        const record: TaskRecord = {
          ...task,
          origin: 'received',
          state: 'assigned',
          version: 0,
          createdAt: now,
          updatedAt: now,
        };
        await db.tasks.add(record);
        await db.taskFiles.bulkAdd(files.map((f) => ({ ...f, taskId: task.id })));
        await adoptTaskEvents(db, task.id, events);
        await appendTaskEvent(db, task.id, 'task.received', data);
        return record;
      });
    },
  };
}

export type TasksRepository = ReturnType<typeof createTasksRepository>;
