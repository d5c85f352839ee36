import type { TaskState } from '../workflow';
import { TASK_STATES } from '../workflow';

export interface DashboardTask {
  id: string;
  title: string;
  client: string;
  state: TaskState;
  /** ISO date-time, or '' when none was set. */
  due: string;
  estimateHours: number;
}

/** An audit event; state moves are `task.state-changed` with `data.to`, as the tasks repository writes them. */
export interface DashboardEvent {
  taskId: string;
  at: string;
  type: string;
  data: Record<string, unknown>;
}

export interface DashboardTimeEntry {
  taskId: string;
  /** YYYY-MM-DD. */
  date: string;
  minutes: number;
  /** Absent for time logged here; else the version whose frozen time/entries.json carried it (see mergeTimeEntries). */
  receivedFrom?: { version: number | null };
}

export interface TaskMetrics {
  taskId: string;
  title: string;
  client: string;
  state: TaskState;
  reviewRounds: number;
  /** Hours from the first assignment to the first approval; null until both happened. */
  turnaroundHours: number | null;
  approvedFirstTime: boolean | null;
  deliveredAt: string | null;
  /** null when not delivered or no due date was set. */
  deliveredOnTime: boolean | null;
  estimatedHours: number;
  loggedHours: number;
  /**
   * The part of `loggedHours` that arrived with the work rather than being logged here, and the
   * version it came from (null: the delivered one); null when every hour was logged here.
   */
  receivedHours: { hours: number; version: number | null } | null;
}

export interface ClientMetrics {
  client: string;
  tasks: number;
  estimatedHours: number;
  loggedHours: number;
  /** Per hour, in the user's currency; 0 when no rate is set. */
  rate: number;
  billable: number;
}

export interface WeekMetrics {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  submitted: number;
  changesRequested: number;
  approved: number;
  delivered: number;
  loggedHours: number;
}

export interface DashboardMetrics {
  byState: Record<TaskState, number>;
  /** Not yet delivered, with a due date still ahead. */
  due: number;
  /** Not yet delivered and past the due date. */
  overdue: number;
  deliveredOnTime: number;
  deliveredLate: number;
  averageTurnaroundHours: number | null;
  /** Share of approved tasks approved without any request for changes; null when none was approved. */
  firstPassApprovalRate: number | null;
  averageReviewRounds: number | null;
  tasks: TaskMetrics[];
  clients: ClientMetrics[];
  weeks: WeekMetrics[];
}

const DELIVERED_STATES: ReadonlySet<TaskState> = new Set(['delivered', 'accepted', 'rejected']);
const HOUR_MS = 3_600_000;

const movedTo = (event: DashboardEvent): string | null =>
  event.type === 'task.state-changed' && typeof event.data['to'] === 'string' ? event.data['to'] : null;

const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

export function computeDashboard(input: {
  tasks: readonly DashboardTask[];
  events: readonly DashboardEvent[];
  timeEntries: readonly DashboardTimeEntry[];
  rates: Readonly<Record<string, number>>;
  now: Date;
}): DashboardMetrics {
  const eventsByTask = groupBy(input.events, (event) => event.taskId);
  const timeByTask = new Map<string, TaskTime>();
  for (const entry of input.timeEntries) {
    const time = timeByTask.get(entry.taskId) ?? { minutes: 0, received: null };
    time.minutes += entry.minutes;
    if (entry.receivedFrom) {
      time.received = {
        minutes: (time.received?.minutes ?? 0) + entry.minutes,
        version: entry.receivedFrom.version,
      };
    }
    timeByTask.set(entry.taskId, time);
  }
  const tasks = input.tasks.map((task) =>
    taskMetrics(
      task,
      sortByTime(eventsByTask.get(task.id) ?? []),
      timeByTask.get(task.id) ?? { minutes: 0, received: null },
    ),
  );

  const byState = Object.fromEntries(TASK_STATES.map((state) => [state, 0])) as Record<TaskState, number>;
  let due = 0;
  let overdue = 0;
  for (const task of input.tasks) {
    byState[task.state] += 1;
    if (DELIVERED_STATES.has(task.state) || task.due === '' || task.state === 'draft') continue;
    if (Date.parse(task.due) < input.now.getTime()) overdue += 1;
    else due += 1;
  }
  const approved = tasks.filter((task) => task.approvedFirstTime !== null);
  return {
    byState,
    due,
    overdue,
    deliveredOnTime: tasks.filter((task) => task.deliveredOnTime === true).length,
    deliveredLate: tasks.filter((task) => task.deliveredOnTime === false).length,
    averageTurnaroundHours: average(
      tasks.flatMap((task) => (task.turnaroundHours === null ? [] : [task.turnaroundHours])),
    ),
    firstPassApprovalRate:
      approved.length === 0
        ? null
        : approved.filter((task) => task.approvedFirstTime).length / approved.length,
    averageReviewRounds: average(
      tasks.filter((task) => task.reviewRounds > 0).map((task) => task.reviewRounds),
    ),
    tasks,
    clients: clientMetrics(tasks, input.rates),
    weeks: weekMetrics(input.events, input.timeEntries),
  };
}

interface TaskTime {
  minutes: number;
  received: { minutes: number; version: number | null } | null;
}

function taskMetrics(task: DashboardTask, events: readonly DashboardEvent[], time: TaskTime): TaskMetrics {
  const firstAt = (state: string): string | null =>
    events.find((event) => movedTo(event) === state)?.at ?? null;
  const assignedAt = firstAt('assigned');
  const approvedAt = firstAt('approved');
  const deliveredAt = firstAt('delivered');
  const decisions = events.filter((event) =>
    ['changes_requested', 'approved'].includes(movedTo(event) ?? ''),
  );
  const approvalIndex = decisions.findIndex((event) => movedTo(event) === 'approved');
  return {
    taskId: task.id,
    title: task.title,
    client: task.client,
    state: task.state,
    reviewRounds: decisions.length,
    turnaroundHours:
      assignedAt !== null && approvedAt !== null
        ? (Date.parse(approvedAt) - Date.parse(assignedAt)) / HOUR_MS
        : null,
    approvedFirstTime: approvalIndex === -1 ? null : approvalIndex === 0,
    deliveredAt,
    deliveredOnTime:
      deliveredAt === null || task.due === '' ? null : Date.parse(deliveredAt) <= Date.parse(task.due),
    estimatedHours: task.estimateHours,
    loggedHours: time.minutes / 60,
    receivedHours: time.received && { hours: time.received.minutes / 60, version: time.received.version },
  };
}

function clientMetrics(
  tasks: readonly TaskMetrics[],
  rates: Readonly<Record<string, number>>,
): ClientMetrics[] {
  return [...groupBy(tasks, (task) => task.client)]
    .map(([client, clientTasks]) => {
      const loggedHours = clientTasks.reduce((sum, task) => sum + task.loggedHours, 0);
      const rate = rates[client] ?? 0;
      return {
        client,
        tasks: clientTasks.length,
        estimatedHours: clientTasks.reduce((sum, task) => sum + task.estimatedHours, 0),
        loggedHours,
        rate,
        billable: Math.round(loggedHours * rate * 100) / 100,
      };
    })
    .sort((a, b) => a.client.localeCompare(b.client));
}

/** Monday (UTC) of the week holding `date`, as YYYY-MM-DD. */
export function weekOf(date: string): string {
  const day = new Date(Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day.toISOString().slice(0, 10);
}

function weekMetrics(
  events: readonly DashboardEvent[],
  entries: readonly DashboardTimeEntry[],
): WeekMetrics[] {
  const weeks = new Map<string, WeekMetrics>();
  const weekFor = (week: string): WeekMetrics => {
    let metrics = weeks.get(week);
    if (!metrics) {
      metrics = { week, submitted: 0, changesRequested: 0, approved: 0, delivered: 0, loggedHours: 0 };
      weeks.set(week, metrics);
    }
    return metrics;
  };
  for (const event of events) {
    const to = movedTo(event);
    if (to === 'submitted') weekFor(weekOf(event.at)).submitted += 1;
    else if (to === 'changes_requested') weekFor(weekOf(event.at)).changesRequested += 1;
    else if (to === 'approved') weekFor(weekOf(event.at)).approved += 1;
    else if (to === 'delivered') weekFor(weekOf(event.at)).delivered += 1;
  }
  for (const entry of entries) weekFor(weekOf(entry.date)).loggedHours += entry.minutes / 60;
  // Quiet weeks stay on the time axis as zeros, so a chart's spacing matches the calendar.
  const sorted = [...weeks.keys()].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first !== undefined && last !== undefined) {
    for (let week = first; week < last; week = nextWeek(week)) weekFor(week);
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

function nextWeek(week: string): string {
  const day = new Date(`${week}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function sortByTime(events: readonly DashboardEvent[]): DashboardEvent[] {
  return [...events].sort((a, b) => a.at.localeCompare(b.at));
}
