/**
 * The task life cycle (DESIGN.md §7). Each transition names the role allowed to make it, so the
 * app can refuse a move by the wrong person as clearly as a move that does not exist.
 */
export const TASK_STATES = [
  'draft',
  'assigned',
  'in_progress',
  'submitted',
  'changes_requested',
  'approved',
  'delivered',
  'accepted',
  'rejected',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const WORKFLOW_ROLES = ['coordinator', 'analyst', 'reviewer', 'client'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

export interface TaskTransition {
  from: TaskState;
  to: TaskState;
  by: WorkflowRole;
  /** The verb the timeline and buttons use. */
  action: string;
}

export const TASK_TRANSITIONS: readonly TaskTransition[] = [
  { from: 'draft', to: 'assigned', by: 'coordinator', action: 'assign' },
  { from: 'assigned', to: 'in_progress', by: 'analyst', action: 'start work' },
  { from: 'in_progress', to: 'submitted', by: 'analyst', action: 'submit' },
  { from: 'submitted', to: 'changes_requested', by: 'reviewer', action: 'request changes' },
  { from: 'submitted', to: 'approved', by: 'reviewer', action: 'approve' },
  { from: 'changes_requested', to: 'in_progress', by: 'analyst', action: 'resume work' },
  { from: 'approved', to: 'delivered', by: 'reviewer', action: 'deliver' },
  { from: 'delivered', to: 'accepted', by: 'client', action: 'accept' },
  { from: 'delivered', to: 'rejected', by: 'client', action: 'reject' },
];

export const STATE_LABELS: Readonly<Record<TaskState, string>> = {
  draft: 'Draft',
  assigned: 'Assigned',
  in_progress: 'In progress',
  submitted: 'Submitted',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  delivered: 'Delivered',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

export class WorkflowError extends Error {
  override name = 'WorkflowError';
}

export function isTaskState(value: unknown): value is TaskState {
  return typeof value === 'string' && (TASK_STATES as readonly string[]).includes(value);
}

export function findTransition(from: TaskState, to: TaskState): TaskTransition | undefined {
  return TASK_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The transition, or a WorkflowError saying why the move is refused. */
export function checkTransition(from: TaskState, to: TaskState, by: WorkflowRole): TaskTransition {
  const transition = findTransition(from, to);
  if (!transition) {
    const allowed = TASK_TRANSITIONS.filter((t) => t.from === from).map((t) => STATE_LABELS[t.to]);
    const next = allowed.length > 0 ? `it can move to: ${allowed.join(', ')}` : 'it is final';
    throw new WorkflowError(
      `A task that is ${STATE_LABELS[from].toLowerCase()} cannot become ${STATE_LABELS[to].toLowerCase()}; ${next}.`,
    );
  }
  if (transition.by !== by) {
    throw new WorkflowError(`Only the ${transition.by} can ${transition.action} (you act as ${by}).`);
  }
  return transition;
}

/** The analyst's work can change only while it is theirs: not while under review or after. */
export function isAnalystEditable(state: TaskState): boolean {
  return state === 'in_progress' || state === 'assigned' || state === 'changes_requested';
}

/** Only a draft's brief, questions, datasets and checklist can change. */
export function isBriefEditable(state: TaskState): boolean {
  return state === 'draft';
}

export function isFinal(state: TaskState): boolean {
  return !TASK_TRANSITIONS.some((t) => t.from === state);
}
