import type { TaskState } from '@core/workflow';
import { isAnalystEditable, isBriefEditable, STATE_LABELS } from '@core/workflow';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { TaskRecord } from './records';

/** A task that uses a dataset, as the Datasets screen shows it and refusals name it. */
export interface DatasetUse {
  taskId: string;
  title: string;
  state: TaskState;
  /** The CSV's path in the task (`datasets/<name>.csv`). */
  path: string;
  /** Why the dataset and its saved views cannot change now, worded as the refusal; absent while they can. */
  locked?: string;
}

function taskTitle(task: Pick<TaskRecord, 'title'>): string {
  return task.title.trim() || 'Untitled task';
}

/**
 * Why a task's datasets and their saved views must stay as they are now, or undefined while they may
 * change. A coordinator may still replace or retype a draft's data; once the task package is signed and
 * sent, the copy here stays as sent. The analyst's copy changes only while the work is with them:
 * submitted work waits for a review to send it back, and work signed off is final.
 */
function lockReason(task: Pick<TaskRecord, 'origin' | 'state'>): string | undefined {
  if (task.origin === 'authored')
    return isBriefEditable(task.state)
      ? undefined
      : 'its task package was signed and sent, so its data stays as it was sent.';
  if (isAnalystEditable(task.state)) return undefined;
  if (task.state === 'submitted') return 'it can be changed again when a review sends the work back.';
  return 'the work was signed off and can no longer change.';
}

/**
 * The refusal for changing `subject` (a dataset or one of its views) while `task` uses it, e.g.
 * `Dataset "sales" belongs to task "Regional sales", which is submitted; it can be changed again
 * when a review sends the work back.` Undefined while the task lets it change.
 */
export function datasetLockMessage(
  subject: string,
  task: Pick<TaskRecord, 'origin' | 'state' | 'title'>,
): string | undefined {
  const reason = lockReason(task);
  if (reason === undefined) return undefined;
  const state = STATE_LABELS[task.state].toLowerCase();
  return `${subject} belongs to task "${taskTitle(task)}", which is ${state}; ${reason}`;
}

/** Tasks whose datasets include `datasetId` (several may: a duplicated draft shares its source's copy). */
export async function tasksUsingDataset(db: KpoDatabase, datasetId: string): Promise<TaskRecord[]> {
  return db.tasks.filter((task) => task.datasets.some((d) => d.datasetId === datasetId)).toArray();
}

/** How each of `tasks` uses the dataset, for the screens that mark task datasets; `subject` names it. */
export function datasetUses(tasks: readonly TaskRecord[], datasetId: string, subject: string): DatasetUse[] {
  return tasks.flatMap((task) => {
    const locked = datasetLockMessage(subject, task);
    return task.datasets
      .filter((d) => d.datasetId === datasetId)
      .map((d) => ({
        taskId: task.id,
        title: taskTitle(task),
        state: task.state,
        path: d.path,
        ...(locked === undefined ? {} : { locked }),
      }));
  });
}

/**
 * Refuses a change to a dataset or one of its saved views while a task whose work is locked uses it,
 * naming that task and its state. Call inside the write's transaction (with `tasks`), so a submission
 * cannot slip in between the check and the write. Returns the tasks that use the dataset.
 */
export async function refuseIfDatasetLocked(
  db: KpoDatabase,
  datasetId: string,
  subject: string,
): Promise<TaskRecord[]> {
  const tasks = await tasksUsingDataset(db, datasetId);
  for (const task of tasks) {
    const message = datasetLockMessage(subject, task);
    if (message !== undefined) throw new UserInputError(message);
  }
  return tasks;
}
