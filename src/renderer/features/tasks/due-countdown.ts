export interface DueCountdown {
  /** "due in 3 days", "overdue by 2 hours", "no due date". */
  text: string;
  overdue: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function amount(ms: number): string {
  const [size, unit] = ms >= DAY ? [DAY, 'day'] : ms >= HOUR ? [HOUR, 'hour'] : [MINUTE, 'minute'];
  const count = Math.max(1, Math.floor(ms / size));
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** How long until (or since) a task is due, in the largest whole unit. */
export function dueCountdown(due: string, now: Date): DueCountdown {
  const at = new Date(due).getTime();
  if (due === '' || Number.isNaN(at)) return { text: 'no due date', overdue: false };
  const left = at - now.getTime();
  if (left >= 0) return { text: `due in ${amount(left)}`, overdue: false };
  return { text: `overdue by ${amount(-left)}`, overdue: true };
}
