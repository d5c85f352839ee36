import type { TaskState, WorkflowRole } from '@core/workflow';
import { checkTransition, isBriefEditable } from '@core/workflow';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { TaskRecord } from './records';
import { appendTaskEvent, readTaskAuditLog } from './task-events';

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

export function createTasksRepository(db: KpoDatabase) {
  const requireTask = async (id: string): Promise<TaskRecord> => {
    const task = await db.tasks.get(id);
    if (!task) throw new UserInputError('This task no longer exists on this computer.');
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
    updateDraft: async (id: string, fields: Partial<TaskDraftFields>): Promise<void> => {
      await db.transaction('rw', db.tasks, db.taskEvents, db.profile, async () => {
        const task = await requireTask(id);
        if (!isBriefEditable(task.state)) {
          throw new UserInputError('Only a draft can be edited: this task was already sent.');
        }
        await db.tasks.update(id, { ...fields, updatedAt: new Date().toISOString() });
        await appendTaskEvent(db, id, 'task.edited', { fields: Object.keys(fields).sort() });
      });
    },

    /** Moves a task along the workflow, recording the move (and `data`) in its audit log. */
    transition: async (
      id: string,
      to: TaskState,
      by: WorkflowRole,
      data: Record<string, unknown> = {},
    ): Promise<void> => {
      await db.transaction('rw', db.tasks, db.taskEvents, db.profile, async () => {
        const task = await requireTask(id);
        checkTransition(task.state, to, by);
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
  };
}

export type TasksRepository = ReturnType<typeof createTasksRepository>;
