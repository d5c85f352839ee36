import type { KpoDatabase } from './database';
import type { SentPackageRecord } from './records';

export type SentPackageSummary = Omit<SentPackageRecord, 'bytes'>;

export function createSentPackagesRepository(db: KpoDatabase) {
  return {
    /** Newest first, without the bytes. */
    list: async (): Promise<SentPackageSummary[]> => {
      const summaries: SentPackageSummary[] = [];
      await db.sentPackages
        .orderBy('createdAt')
        .reverse()
        .each(({ bytes: _bytes, ...summary }) => {
          summaries.push(summary);
        });
      return summaries;
    },

    listForTask: async (taskId: string): Promise<SentPackageSummary[]> =>
      (await db.sentPackages.where('taskId').equals(taskId).sortBy('createdAt')).map(
        ({ bytes: _bytes, ...summary }) => summary,
      ),

    get: async (packageId: string): Promise<SentPackageRecord | undefined> => db.sentPackages.get(packageId),

    add: async (record: SentPackageRecord): Promise<void> => {
      await db.sentPackages.put(record);
    },
  };
}

export type SentPackagesRepository = ReturnType<typeof createSentPackagesRepository>;
