import type { KpoDatabase } from './database';

/** Time logged on tasks (stub: filled by the time feature). */
export function createTimeEntriesRepository(db: KpoDatabase) {
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
  };
}

export type TimeEntriesRepository = ReturnType<typeof createTimeEntriesRepository>;
