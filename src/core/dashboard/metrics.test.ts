import { describe, expect, it } from 'vitest';
import { billableCsv } from './billable-csv';
import type { DashboardEvent, DashboardTask } from './metrics';
import { computeDashboard, weekOf } from './metrics';

const task = (
  id: string,
  client: string,
  state: DashboardTask['state'],
  due: string,
  estimateHours = 10,
): DashboardTask => ({
  id,
  title: `Task ${id}`,
  client,
  state,
  due,
  estimateHours,
});
const move = (taskId: string, at: string, to: string): DashboardEvent => ({
  taskId,
  at,
  type: 'task.state-changed',
  data: { to },
});

// t1: approved first time, delivered on time. t2: one round of changes, delivered late.
// t3: in progress, overdue. t4: assigned, due later. t5: draft.
const tasks = [
  task('t1', 'Northwind', 'accepted', '2026-03-10T17:00:00Z', 8),
  task('t2', 'Northwind', 'delivered', '2026-03-05T17:00:00Z', 4),
  task('t3', 'Contoso', 'in_progress', '2026-03-01T00:00:00Z', 6),
  task('t4', 'Contoso', 'assigned', '2026-04-01T00:00:00Z', 2),
  task('t5', 'Contoso', 'draft', ''),
];
const events: DashboardEvent[] = [
  move('t1', '2026-03-02T09:00:00Z', 'assigned'),
  { taskId: 't1', at: '2026-03-02T10:00:00Z', type: 'task.edited', data: {} },
  move('t1', '2026-03-04T09:00:00Z', 'submitted'),
  move('t1', '2026-03-05T09:00:00Z', 'approved'),
  move('t1', '2026-03-05T10:00:00Z', 'delivered'),
  move('t1', '2026-03-06T10:00:00Z', 'accepted'),
  move('t2', '2026-03-02T08:00:00Z', 'assigned'),
  move('t2', '2026-03-03T08:00:00Z', 'submitted'),
  move('t2', '2026-03-03T12:00:00Z', 'changes_requested'),
  move('t2', '2026-03-09T08:00:00Z', 'submitted'),
  move('t2', '2026-03-10T08:00:00Z', 'approved'),
  move('t2', '2026-03-10T09:00:00Z', 'delivered'),
  move('t3', '2026-02-20T09:00:00Z', 'assigned'),
];
const timeEntries = [
  { taskId: 't1', date: '2026-03-03', minutes: 300 },
  { taskId: 't1', date: '2026-03-04', minutes: 60 },
  { taskId: 't2', date: '2026-03-09', minutes: 90 },
  { taskId: 't3', date: '2026-02-18', minutes: 120 },
];
const metrics = computeDashboard({
  tasks,
  events,
  timeEntries,
  rates: { Northwind: 100 },
  now: new Date('2026-03-15T00:00:00Z'),
});

describe('computeDashboard', () => {
  it('counts tasks by state', () => {
    expect(metrics.byState).toMatchObject({
      accepted: 1,
      delivered: 1,
      in_progress: 1,
      assigned: 1,
      draft: 1,
      approved: 0,
    });
  });

  it('counts due, overdue, and delivered on time or late', () => {
    expect([metrics.due, metrics.overdue]).toEqual([1, 1]);
    expect([metrics.deliveredOnTime, metrics.deliveredLate]).toEqual([1, 1]);
  });

  it('measures turnaround from assignment to approval, review rounds and first-pass approval', () => {
    const t1 = metrics.tasks.find((t) => t.taskId === 't1');
    const t2 = metrics.tasks.find((t) => t.taskId === 't2');
    expect(t1).toMatchObject({ turnaroundHours: 72, reviewRounds: 1, approvedFirstTime: true });
    expect(t2).toMatchObject({ turnaroundHours: 192, reviewRounds: 2, approvedFirstTime: false });
    expect(metrics.averageTurnaroundHours).toBe(132);
    expect(metrics.firstPassApprovalRate).toBe(0.5);
    expect(metrics.averageReviewRounds).toBe(1.5);
  });

  it('compares estimated and logged hours per task and per client, with billable amounts', () => {
    expect(metrics.tasks.find((t) => t.taskId === 't1')).toMatchObject({ estimatedHours: 8, loggedHours: 6 });
    expect(metrics.clients).toEqual([
      { client: 'Contoso', tasks: 3, estimatedHours: 18, loggedHours: 2, rate: 0, billable: 0 },
      { client: 'Northwind', tasks: 2, estimatedHours: 12, loggedHours: 7.5, rate: 100, billable: 750 },
    ]);
  });

  it('buckets decisions and logged hours by week (Monday, UTC), keeping quiet weeks as zeros', () => {
    expect(
      metrics.weeks.map((w) => [
        w.week,
        w.submitted,
        w.changesRequested,
        w.approved,
        w.delivered,
        w.loggedHours,
      ]),
    ).toEqual([
      ['2026-02-16', 0, 0, 0, 0, 2],
      ['2026-02-23', 0, 0, 0, 0, 0],
      ['2026-03-02', 2, 1, 1, 1, 6],
      ['2026-03-09', 1, 0, 1, 1, 1.5],
    ]);
  });

  it('reports no rates rather than zero when nothing was approved', () => {
    const empty = computeDashboard({ tasks: [], events: [], timeEntries: [], rates: {}, now: new Date() });
    expect(empty.firstPassApprovalRate).toBeNull();
    expect(empty.averageTurnaroundHours).toBeNull();
    expect(empty.weeks).toEqual([]);
  });
});

describe('weekOf', () => {
  it('maps a Sunday to the Monday before and a Monday to itself', () => {
    expect(weekOf('2026-03-08')).toBe('2026-03-02');
    expect(weekOf('2026-03-09T23:00:00Z')).toBe('2026-03-09');
  });
});

describe('billableCsv', () => {
  it('writes one line per client and escapes formula-like and quoted names', () => {
    const csv = billableCsv([
      { client: '=HYPERLINK("x")', tasks: 1, estimatedHours: 2, loggedHours: 1.5, rate: 80, billable: 120 },
      { client: 'Plain, Ltd', tasks: 2, estimatedHours: 3, loggedHours: 0, rate: 0, billable: 0 },
    ]);
    expect(csv).toBe(
      'client,tasks,estimated_hours,logged_hours,rate,billable\r\n' +
        '"\'=HYPERLINK(""x"")",1,2.00,1.50,80.00,120.00\r\n' +
        '"Plain, Ltd",2,3.00,0.00,0.00,0.00\r\n',
    );
  });
});
