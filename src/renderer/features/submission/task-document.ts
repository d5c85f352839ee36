import type { Task } from '@core/package';
import { toTaskDocument as checkTaskDocument } from '@core/workflow';
import type { TaskRecord } from '../../db';

/**
 * task.json for a package, through the same core conversion the task export uses. Throws naming
 * every field that does not fit (an incomplete task cannot leave in a package).
 */
export function toTaskDocument(task: TaskRecord): Task {
  const result = checkTaskDocument(task, { requireAssignees: false });
  if (result.ok) return result.task;
  throw new Error(
    `The task cannot be packaged: ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
  );
}
