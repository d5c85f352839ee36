import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KpoDatabase } from './database';
import type { TaskRecord } from './records';
import { readTaskAuditLog } from './task-events';
import { closeTestDatabase, openTestDatabase } from './test-db.test-support';
import { createTimeEntriesRepository, splitAcrossLocalDays } from './time-entries-repository';

let db: KpoDatabase;
beforeEach(async () => {
  db = await openTestDatabase('time-entries-test');
});
afterEach(async () => {
  await closeTestDatabase(db);
});

const task = (id: string, state: TaskRecord['state'] = 'in_progress'): TaskRecord => ({
  id,
  origin: 'received',
  state,
  title: id,
  client: 'Northwind',
  brief: '',
  questions: [],
  due: '',
  priority: 'normal',
  estimateHours: 2,
  datasets: [],
  checklistName: '',
  checklist: [],
  version: 0,
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
});

describe('splitAcrossLocalDays', () => {
  it('keeps a same-day stretch whole and splits one that crosses midnight, parts adding up', () => {
    expect(splitAcrossLocalDays(new Date(2026, 10, 25, 9, 0), new Date(2026, 10, 25, 10, 30))).toEqual([
      { date: '2026-11-25', minutes: 90 },
    ]);
    expect(
      splitAcrossLocalDays(new Date(2026, 10, 25, 23, 20, 40), new Date(2026, 10, 27, 0, 10, 0)),
    ).toEqual([
      { date: '2026-11-25', minutes: 39 },
      { date: '2026-11-26', minutes: 1440 },
      { date: '2026-11-27', minutes: 10 },
    ]);
    expect(splitAcrossLocalDays(new Date(2026, 10, 25, 9, 0, 0), new Date(2026, 10, 25, 9, 0, 20))).toEqual(
      [],
    );
  });
});

describe('time entries repository', () => {
  it('adds, edits and deletes manual entries, each on the audit log, and totals them', async () => {
    await db.tasks.add(task('t1'));
    const time = createTimeEntriesRepository(db);
    const entry = await time.add('t1', { date: '2026-11-24', minutes: 45, note: ' Desk research ' });
    expect(entry).toMatchObject({ person: 'ABCDEF0123456789', note: 'Desk research', origin: 'manual' });
    await time.add('t1', { date: '2026-11-25', minutes: 30, note: '' });
    expect(await time.totalMinutes('t1')).toBe(75);
    await time.update(entry.id, { date: '2026-11-24', minutes: 60, note: 'Desk research' });
    expect(await time.totalMinutes('t1')).toBe(90);
    await time.remove(entry.id);
    expect((await time.list('t1')).map((e) => e.minutes)).toEqual([30]);

    const log = await readTaskAuditLog(db, 't1');
    expect(log.events.map((e) => e.type)).toEqual([
      'time.logged',
      'time.logged',
      'time.edited',
      'time.deleted',
    ]);
    expect(log.events[2]?.data).toMatchObject({ before: { minutes: 45 }, after: { minutes: 60 } });
    expect(log.problems).toEqual([]);
  });

  it('refuses bad input and work on a submitted task, storing nothing', async () => {
    await db.tasks.bulkAdd([task('t1'), task('t2', 'submitted')]);
    const time = createTimeEntriesRepository(db);
    await expect(time.add('t1', { date: '2026-02-30', minutes: 5, note: '' })).rejects.toThrow(/date/);
    await expect(time.add('t1', { date: '2026-11-25', minutes: 0, note: '' })).rejects.toThrow(/one minute/);
    await expect(time.add('t1', { date: '2026-11-25', minutes: 1441, note: '' })).rejects.toThrow(/24 hours/);
    await expect(time.add('t2', { date: '2026-11-25', minutes: 5, note: '' })).rejects.toThrow(
      /being worked on/,
    );
    expect(await db.timeEntries.count()).toBe(0);
    expect(await db.taskEvents.count()).toBe(0);
  });

  it('runs one timer at a time: starting another books and stops the first', async () => {
    await db.tasks.bulkAdd([task('t1'), task('t2')]);
    const time = createTimeEntriesRepository(db);
    await time.startTimer('t1', new Date(2026, 10, 25, 23, 0));
    expect((await time.runningTimer())?.id).toBe('t1');
    await time.startTimer('t2', new Date(2026, 10, 25, 23, 25));
    expect((await time.runningTimer())?.id).toBe('t2');
    expect((await db.tasks.get('t1'))?.timerStartedAt).toBeUndefined();
    expect((await time.list('t1')).map((e) => [e.date, e.minutes, e.origin])).toEqual([
      ['2026-11-25', 25, 'timer'],
    ]);

    const entries = await time.stopTimer('t2', new Date(2026, 10, 26, 0, 35));
    expect(entries.map((e) => [e.date, e.minutes])).toEqual([
      ['2026-11-25', 35],
      ['2026-11-26', 35],
    ]);
    expect(await time.runningTimer()).toBeUndefined();
    expect((await readTaskAuditLog(db, 't2')).events.map((e) => e.type)).toEqual([
      'timer.started',
      'time.logged',
      'time.logged',
    ]);
    expect((await readTaskAuditLog(db, 't1')).events.map((e) => e.type)).toEqual([
      'timer.started',
      'time.logged',
    ]);
  });
});
