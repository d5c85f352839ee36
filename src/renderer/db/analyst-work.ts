import { isAnalystEditable, STATE_LABELS } from '@core/workflow';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { TaskRecord } from './records';

/**
 * The analyst's work (charts, sources, findings, answers) changes only while the task is with them;
 * call inside the write's transaction (with `tasks`) so a submission cannot slip in between.
 */
export async function requireAnalystEditableTask(db: KpoDatabase, taskId: string): Promise<TaskRecord> {
  const task = await db.tasks.get(taskId);
  if (!task) throw new UserInputError('This task no longer exists on this computer.');
  if (!isAnalystEditable(task.state))
    throw new UserInputError(
      `"${task.title || 'Untitled task'}" is ${STATE_LABELS[task.state].toLowerCase()}: its work can no longer be edited.`,
    );
  return task;
}
