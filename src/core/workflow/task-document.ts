/**
 * Turns a task as the coordinator edited it (loose: drafts may be incomplete) into the `task.json`
 * document a task package carries, or says, field by field, what is still missing.
 */
import type { Task } from '../package/schemas/task';
import { taskSchema } from '../package/schemas/task';

export interface TaskDocumentPerson {
  name: string;
  keyId: string;
  email?: string;
}

export interface TaskDocumentChecklistItem {
  id: string;
  text: string;
  severity: 'critical' | 'major' | 'minor';
  evidenceRequired: boolean;
  automaticCheck?: string;
}

/** The task as stored by the app; core takes this plain shape so it never depends on the renderer. */
export interface TaskDocumentInput {
  id: string;
  title: string;
  client: string;
  brief: string;
  questions: readonly { number: number; text: string }[];
  /** ISO date-time, or '' when not set yet. */
  due: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  estimateHours: number;
  coordinator?: TaskDocumentPerson | undefined;
  analyst?: TaskDocumentPerson | undefined;
  reviewer?: TaskDocumentPerson | undefined;
  datasets: readonly { path: string; name: string; sha256: string; bytes: number }[];
  checklistName: string;
  checklist: readonly TaskDocumentChecklistItem[];
}

export interface TaskDocumentProblem {
  /** Which field of the editor the problem is in (`title`, `questions.2`, `checklist.1`, ...). */
  field: string;
  message: string;
}

export type TaskDocumentResult = { ok: true; task: Task } | { ok: false; problems: TaskDocumentProblem[] };

/** The task document, numbered and trimmed, or every reason it cannot be sent yet. */
export function toTaskDocument(
  input: TaskDocumentInput,
  options: { requireAssignees?: boolean } = {},
): TaskDocumentResult {
  const problems = findProblems(input, options.requireAssignees ?? true);
  if (problems.length > 0) return { ok: false, problems };
  const checklistName = input.checklistName.trim();
  const candidate: Task = {
    id: input.id,
    title: input.title.trim(),
    client: input.client.trim(),
    brief: input.brief,
    questions: input.questions.map((q, index) => ({ number: index + 1, text: q.text.trim() })),
    due: new Date(input.due).toISOString(),
    priority: input.priority,
    estimateHours: input.estimateHours,
    people: {
      coordinator: person(input.coordinator),
      ...(input.analyst ? { analyst: person(input.analyst) } : {}),
      ...(input.reviewer ? { reviewer: person(input.reviewer) } : {}),
    },
    datasets: input.datasets.map(({ path, name, sha256, bytes }) => ({ path, name, sha256, bytes })),
    checklist: {
      ...(checklistName ? { name: checklistName } : {}),
      items: input.checklist.map((item) => ({
        id: item.id,
        text: item.text.trim(),
        severity: item.severity,
        evidenceRequired: item.evidenceRequired,
        ...(item.automaticCheck ? { automaticCheck: item.automaticCheck } : {}),
      })),
    },
  };
  // The checks above speak the editor's language; the schema is the last word on the format.
  const parsed = taskSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        message: `${issue.path.join('.') || 'task'}: ${issue.message}`,
      })),
    };
  }
  return { ok: true, task: parsed.data };
}

function person(p: TaskDocumentPerson | undefined): Task['people']['coordinator'] {
  if (!p) throw new Error('person checked before');
  return { name: p.name, keyId: p.keyId, ...(p.email ? { email: p.email } : {}) };
}

function findProblems(input: TaskDocumentInput, requireAssignees: boolean): TaskDocumentProblem[] {
  const problems: TaskDocumentProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });

  if (input.title.trim() === '') add('title', 'Enter a title.');
  if (input.client.trim() === '') add('client', 'Enter the client.');
  if (input.brief.trim() === '') add('brief', 'Write the brief.');
  if (input.questions.length === 0) add('questions', 'Add at least one research question.');
  input.questions.forEach((q, index) => {
    if (q.text.trim() === '') add(`questions.${index + 1}`, `Question ${index + 1} is empty.`);
  });
  if (input.due === '') add('due', 'Set a due date and time.');
  else if (Number.isNaN(new Date(input.due).getTime()))
    add('due', `The due date "${input.due}" is not a date.`);
  if (!Number.isFinite(input.estimateHours) || input.estimateHours < 0) {
    add('estimateHours', 'The estimated effort must be a number of hours, 0 or more.');
  }
  if (!input.coordinator)
    add('coordinator', 'Create your profile in Settings: the task names you as coordinator.');
  // A coordinator must assign both before sending; a task received without them (e.g. packed with
  // `kpo pack task`) can still be worked and submitted.
  if (requireAssignees && !input.analyst) add('analyst', 'Pick an analyst.');
  if (requireAssignees && !input.reviewer) add('reviewer', 'Pick a reviewer.');
  input.datasets.forEach((d, index) => {
    if (d.name.trim() === '') add(`datasets.${index + 1}`, `Dataset ${index + 1} (${d.path}) has no name.`);
  });
  if (input.checklist.length === 0) add('checklist', 'Add at least one QC checklist item.');
  input.checklist.forEach((item, index) => {
    if (item.text.trim() === '') add(`checklist.${index + 1}`, `Checklist item ${index + 1} is empty.`);
  });
  const ids = new Set<string>();
  input.checklist.forEach((item, index) => {
    if (ids.has(item.id))
      add(`checklist.${index + 1}`, `Checklist item ${index + 1} repeats the id "${item.id}".`);
    ids.add(item.id);
  });
  return problems;
}
