import type { TaskState } from '@core/workflow';

export interface DueCountdown {
  /** "due in 3 days", "overdue by 2 hours", "no due date", "Submitted 2 days early". */
  text: string;
  /** Still with the analyst and past the due date: shown in red. */
  overdue: boolean;
}

/** When the work left the analyst: the latest version submitted, or the deliverable delivered. */
export interface HandedIn {
  kind: 'submitted' | 'delivered';
  /** ISO date-time. */
  at: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function amount(ms: number): string {
  const [size, unit] = ms >= DAY ? [DAY, 'day'] : ms >= HOUR ? [HOUR, 'hour'] : [MINUTE, 'minute'];
  const count = Math.max(1, Math.floor(ms / size));
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

const dueTime = (due: string): number | undefined => {
  const at = new Date(due).getTime();
  return due === '' || Number.isNaN(at) ? undefined : at;
};

/** How long until (or since) a task is due, in the largest whole unit. */
export function dueCountdown(due: string, now: Date): DueCountdown {
  const at = dueTime(due);
  if (at === undefined) return { text: 'no due date', overdue: false };
  const left = at - now.getTime();
  if (left >= 0) return { text: `due in ${amount(left)}`, overdue: false };
  return { text: `overdue by ${amount(-left)}`, overdue: true };
}

/** States in which the work has left the analyst, and what that hand-in is called. */
const HANDED_IN: Partial<Record<TaskState, HandedIn['kind']>> = {
  submitted: 'submitted',
  approved: 'submitted',
  delivered: 'delivered',
  accepted: 'delivered',
  rejected: 'delivered',
};

/** What kind of hand-in a task in this state is measured by, or undefined while it is still being worked on. */
export function handedInKind(state: TaskState): HandedIn['kind'] | undefined {
  return HANDED_IN[state];
}

/**
 * A task's due date as its state makes it matter: a countdown while the work is being written (draft,
 * assigned, in progress, changes requested), and once it has been handed in, when that was against
 * the due date ("Submitted 2 days early", "Delivered 3 hours late"), which no longer changes.
 */
export function dueStatus(
  task: { due: string; state: TaskState },
  now: Date,
  handedIn: HandedIn | undefined,
): DueCountdown {
  const kind = handedInKind(task.state);
  if (kind === undefined) return dueCountdown(task.due, now);
  const word = (handedIn?.kind ?? kind) === 'delivered' ? 'Delivered' : 'Submitted';
  const at = handedIn ? new Date(handedIn.at).getTime() : Number.NaN;
  const due = dueTime(task.due);
  if (Number.isNaN(at)) return { text: word, overdue: false };
  if (due === undefined) return { text: `${word} (no due date)`, overdue: false };
  const early = due - at;
  if (early >= 0 && early < MINUTE) return { text: `${word} on time`, overdue: false };
  return { text: `${word} ${amount(Math.abs(early))} ${early > 0 ? 'early' : 'late'}`, overdue: false };
}
