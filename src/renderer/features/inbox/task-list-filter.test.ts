import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../db';
import type { TaskListRow } from './task-list-filter';
import { DEFAULT_FILTER, filterTasks, formatMinutes } from './task-list-filter';

function row(fields: Partial<TaskRecord> & { id: string }, minutesLogged = 0): TaskListRow {
  return {
    minutesLogged,
    task: {
      origin: 'received',
      state: 'assigned',
      title: fields.id,
      client: '',
      brief: '',
      questions: [],
      due: '',
      priority: 'normal',
      estimateHours: 0,
      datasets: [],
      checklistName: '',
      checklist: [],
      version: 0,
      createdAt: '',
      updatedAt: '',
      ...fields,
    },
  };
}

const rows = [
  row({ id: 'b', title: 'Beta', client: 'Northwind', due: '2026-12-03T10:00:00.000Z', state: 'in_progress' }),
  row({ id: 'a', title: 'alpha', client: 'Contoso', due: '2026-12-01T10:00:00.000Z', brief: 'churn model' }),
  row({ id: 'd', title: 'Delta', client: 'Northwind', origin: 'authored', state: 'draft' }),
  row({
    id: 's',
    title: 'Sigma',
    client: 'Acme',
    origin: 'authored',
    state: 'assigned',
    due: '2026-12-02T10:00:00.000Z',
  }),
];
const ids = (result: TaskListRow[]) => result.map((r) => r.task.id);

describe('filterTasks', () => {
  it('sorts by due date, soonest first, tasks without one last in both directions', () => {
    expect(ids(filterTasks(rows, DEFAULT_FILTER))).toEqual(['a', 's', 'b', 'd']);
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, descending: true }))).toEqual(['b', 's', 'a', 'd']);
  });

  it('sorts by client, state and title', () => {
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, sort: 'client' }))).toEqual(['s', 'a', 'b', 'd']);
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, sort: 'state' }))).toEqual(['d', 'a', 's', 'b']);
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, sort: 'title', descending: true }))).toEqual([
      's',
      'd',
      'b',
      'a',
    ]);
  });

  it('filters by origin, state, client and words anywhere in the task', () => {
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, show: 'sent' }))).toEqual(['s']);
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, show: 'drafts' }))).toEqual(['d']);
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, show: 'received' }))).toEqual(['a', 'b']);
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, state: 'assigned' }))).toEqual(['a', 's']);
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, client: 'Northwind' }))).toEqual(['b', 'd']);
    expect(ids(filterTasks(rows, { ...DEFAULT_FILTER, text: 'CHURN contoso' }))).toEqual(['a']);
  });

  it('formats time logged', () => {
    expect([0, 45, 60, 135].map(formatMinutes)).toEqual(['—', '45 min', '1 h', '2 h 15 min']);
  });
});
