import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { ReceivedPackageRecord } from './records';

export type ReceivedPackageSummary = Omit<ReceivedPackageRecord, 'bytes'>;

export function createReceivedPackagesRepository(db: KpoDatabase) {
  return {
    /** Newest first, without the package bytes (lists must not load every package into memory). */
    list: async (): Promise<ReceivedPackageSummary[]> => {
      const summaries: ReceivedPackageSummary[] = [];
      await db.receivedPackages
        .orderBy('importedAt')
        .reverse()
        .each(({ bytes: _bytes, ...summary }) => {
          summaries.push(summary);
        });
      return summaries;
    },

    get: async (packageId: string): Promise<ReceivedPackageRecord | undefined> =>
      db.receivedPackages.get(packageId),

    /**
     * Stores a verified package. Callers pass only packages whose verification was trusted or
     * explicitly accepted; the same package id twice is refused so nothing is duplicated.
     */
    add: async (record: ReceivedPackageRecord): Promise<void> => {
      await db.transaction('rw', db.receivedPackages, async () => {
        const existing = await db.receivedPackages.get(record.packageId);
        if (existing) {
          throw new UserInputError(
            `This package was already imported on ${new Date(existing.importedAt).toLocaleString()} (from ${existing.fileName}).`,
          );
        }
        await db.receivedPackages.add(record);
      });
    },

    remove: async (packageId: string): Promise<void> => {
      await db.receivedPackages.delete(packageId);
    },
  };
}

export type ReceivedPackagesRepository = ReturnType<typeof createReceivedPackagesRepository>;
