import { isAnalystEditable } from '@core/workflow';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { TaskRecord, TimeEntryRecord } from './records';
import { appendTaskEvent } from './task-events';

/** What the user types for a manual entry, or changes on an existing one. */
export interface TimeEntryInput {
  /** YYYY-MM-DD, a local day. */
  date: string;
  minutes: number;
  note: string;
}

const MAX_MINUTES_PER_ENTRY = 24 * 60;

/** A Date's local calendar day as YYYY-MM-DD. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * Whole minutes worked between two instants, per local day, so a timer left running past midnight
 * books each part on its own day. Rounds the running total, not each day, so the parts add up.
 */
export function splitAcrossLocalDays(start: Date, end: Date): { date: string; minutes: number }[] {
  const parts: { date: string; minutes: number }[] = [];
  const total = (ms: number) => Math.round((ms - start.getTime()) / 60_000);
  let cursor = start;
  while (cursor < end) {
    const midnight = new Date(cursor.getFullYear(), cursor.getMonth(), cursor.getDate() + 1);
    const until = midnight < end ? midnight : end;
    const minutes = total(until.getTime()) - total(cursor.getTime());
    if (minutes > 0) parts.push({ date: localDay(cursor), minutes });
    cursor = until;
  }
  return parts;
}

function validEntry(input: TimeEntryInput): TimeEntryInput {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date);
  const day = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
  if (!day || localDay(day) !== input.date) throw new UserInputError('Enter the day as a date.', 'date');
  if (!Number.isInteger(input.minutes) || input.minutes < 1) {
    throw new UserInputError('Enter at least one minute.', 'minutes');
  }
  if (input.minutes > MAX_MINUTES_PER_ENTRY) {
    throw new UserInputError('One entry cannot be more than 24 hours.', 'minutes');
  }
  const note = input.note.trim();
  if (note.length > 2000) throw new UserInputError('Keep the note under 2000 characters.', 'note');
  return { date: input.date, minutes: input.minutes, note };
}

/** Time logged on tasks: manual entries and the one timer that may run, each change on the audit log. */
export function createTimeEntriesRepository(db: KpoDatabase) {
  const editableTask = async (taskId: string): Promise<TaskRecord> => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new UserInputError('This task no longer exists on this computer.');
    if (!isAnalystEditable(task.state)) {
      throw new UserInputError('Time can be logged only while the task is being worked on.');
    }
    return task;
  };

  const person = async (): Promise<string> => (await db.profile.get('me'))?.keyId ?? 'unknown';

  /** Call inside a transaction over tasks, timeEntries, taskEvents and profile. */
  const stopInTransaction = async (task: TaskRecord, now: Date): Promise<TimeEntryRecord[]> => {
    if (!task.timerStartedAt) return [];
    const started = new Date(task.timerStartedAt);
    const who = await person();
    const entries = splitAcrossLocalDays(started, now).map(({ date, minutes }): TimeEntryRecord => ({
      id: crypto.randomUUID(),
      taskId: task.id,
      person: who,
      date,
      minutes,
      note: 'Timer',
      origin: 'timer',
      createdAt: now.toISOString(),
    }));
    await db.tasks.update(task.id, { timerStartedAt: undefined, updatedAt: now.toISOString() });
    for (const entry of entries) {
      await db.timeEntries.add(entry);
      await appendTaskEvent(db, task.id, 'time.logged', {
        entryId: entry.id,
        date: entry.date,
        minutes: entry.minutes,
        origin: 'timer',
      });
    }
    if (entries.length === 0) {
      await appendTaskEvent(db, task.id, 'timer.stopped', { startedAt: task.timerStartedAt, minutes: 0 });
    }
    return entries;
  };

  const tables = [db.tasks, db.timeEntries, db.taskEvents, db.profile];

  return {
    /** Minutes logged on one task, all people. */
    totalMinutes: async (taskId: string): Promise<number> => {
      let total = 0;
      await db.timeEntries
        .where('taskId')
        .equals(taskId)
        .each((entry) => {
          total += entry.minutes;
        });
      return total;
    },

    /** Newest day first; within a day, newest entry first. */
    list: async (taskId: string): Promise<TimeEntryRecord[]> => {
      const entries = await db.timeEntries.where('taskId').equals(taskId).toArray();
      return entries.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
    },

    add: async (taskId: string, input: TimeEntryInput): Promise<TimeEntryRecord> => {
      const valid = validEntry(input);
      return db.transaction('rw', tables, async () => {
        await editableTask(taskId);
        const entry: TimeEntryRecord = {
          ...valid,
          id: crypto.randomUUID(),
          taskId,
          person: await person(),
          origin: 'manual',
          createdAt: new Date().toISOString(),
        };
        await db.timeEntries.add(entry);
        await appendTaskEvent(db, taskId, 'time.logged', {
          entryId: entry.id,
          date: entry.date,
          minutes: entry.minutes,
          origin: 'manual',
        });
        return entry;
      });
    },

    update: async (id: string, input: TimeEntryInput): Promise<void> => {
      const valid = validEntry(input);
      await db.transaction('rw', tables, async () => {
        const entry = await db.timeEntries.get(id);
        if (!entry) throw new UserInputError('This time entry no longer exists.');
        await editableTask(entry.taskId);
        await db.timeEntries.update(id, valid);
        await appendTaskEvent(db, entry.taskId, 'time.edited', {
          entryId: id,
          before: { date: entry.date, minutes: entry.minutes, note: entry.note },
          after: valid,
        });
      });
    },

    remove: async (id: string): Promise<void> => {
      await db.transaction('rw', tables, async () => {
        const entry = await db.timeEntries.get(id);
        if (!entry) return;
        await editableTask(entry.taskId);
        await db.timeEntries.delete(id);
        await appendTaskEvent(db, entry.taskId, 'time.deleted', {
          entryId: id,
          date: entry.date,
          minutes: entry.minutes,
        });
      });
    },

    /** The task whose timer runs, if any: there is at most one across all tasks. */
    runningTimer: async (): Promise<TaskRecord | undefined> =>
      db.tasks.filter((task) => task.timerStartedAt !== undefined).first(),

    /** Starts the task's timer, stopping (and booking) any other that runs. */
    startTimer: async (taskId: string, now: Date = new Date()): Promise<void> => {
      await db.transaction('rw', tables, async () => {
        const task = await editableTask(taskId);
        if (task.timerStartedAt) return;
        const running = await db.tasks.filter((t) => t.timerStartedAt !== undefined).toArray();
        for (const other of running) await stopInTransaction(other, now);
        await db.tasks.update(taskId, { timerStartedAt: now.toISOString(), updatedAt: now.toISOString() });
        await appendTaskEvent(db, taskId, 'timer.started', {
          at: now.toISOString(),
          ...(running[0] ? { stoppedTaskId: running[0].id } : {}),
        });
      });
    },

    /** Stops the task's timer and books the elapsed minutes, one entry per local day. */
    stopTimer: async (taskId: string, now: Date = new Date()): Promise<TimeEntryRecord[]> =>
      db.transaction('rw', tables, async () => {
        const task = await db.tasks.get(taskId);
        if (!task) throw new UserInputError('This task no longer exists on this computer.');
        return stopInTransaction(task, now);
      }),
  };
}

export type TimeEntriesRepository = ReturnType<typeof createTimeEntriesRepository>;
