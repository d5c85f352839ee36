import type { Person, Task } from '@core/package';
import { taskSchema } from '@core/package';
import type { TaskPersonRecord, TaskRecord } from '../../db';

function person(record: TaskPersonRecord | undefined): Person | undefined {
  if (!record) return undefined;
  return { name: record.name, keyId: record.keyId, ...(record.email ? { email: record.email } : {}) };
}

/**
 * task.json for a package: the task as core's taskSchema describes it. Throws naming the field
 * when the stored task does not fit (an incomplete task cannot leave in a package).
 */
export function toTaskDocument(task: TaskRecord): Task {
  const coordinator = person(task.coordinator);
  const analyst = person(task.analyst);
  const reviewer = person(task.reviewer);
  const candidate = {
    id: task.id,
    title: task.title,
    client: task.client,
    brief: task.brief,
    questions: task.questions,
    due: task.due,
    priority: task.priority,
    estimateHours: task.estimateHours,
    people: { coordinator, ...(analyst ? { analyst } : {}), ...(reviewer ? { reviewer } : {}) },
    datasets: task.datasets.map(({ path, name, sha256, bytes }) => ({ path, name, sha256, bytes })),
    checklist: {
      ...(task.checklistName ? { name: task.checklistName } : {}),
      items: task.checklist.map(({ id, text, severity, evidenceRequired, automaticCheck }) => ({
        id,
        text,
        severity,
        evidenceRequired,
        ...(automaticCheck ? { automaticCheck } : {}),
      })),
    },
  };
  const parsed = taskSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'task';
  throw new Error(`The task cannot be packaged: task.json ${where}: ${issue?.message ?? 'invalid'}`);
}
