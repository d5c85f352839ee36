import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { ReceivedPackageRecord } from './records';

export type ReceivedPackageSummary = Omit<ReceivedPackageRecord, 'bytes'>;

export function createReceivedPackagesRepository(db: KpoDatabase) {
  const refuseImported = async (packageId: string): Promise<void> => {
    const existing = await db.receivedPackages.get(packageId);
    if (existing) {
      throw new UserInputError(
        `This package was already imported on ${new Date(existing.importedAt).toLocaleString()} (from ${existing.fileName}).`,
      );
    }
  };

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
     * Stores a verified package with nothing to apply (the import uses `receive`). The same package id
     * twice is refused so nothing is duplicated.
     */
    add: async (record: ReceivedPackageRecord): Promise<void> => {
      await db.transaction('rw', db.receivedPackages, async () => {
        await refuseImported(record.packageId);
        await db.receivedPackages.add(record);
      });
    },

    /** Refuses a package imported before, saying when and from which file. */
    refuseImported,

    /**
     * Applies a verified package and records it in ONE transaction, so the record never exists
     * without the package's effects nor the effects without the record: a crash, a closed window or
     * a throwing `apply` leaves neither, and the same file can simply be imported again. A package
     * already recorded is refused before `apply` runs.
     *
     * `apply` runs inside the transaction (which spans every table, so any repository can take part)
     * and must await only IndexedDB work: parsing, verification, hashing, workers and the like go
     * before, starting background work after. The record is written last, so if `apply` ever broke
     * that rule and the transaction committed early, the record would fail to be written and the
     * import could still be retried.
     */
    receive: async <T>(record: ReceivedPackageRecord, apply: () => Promise<T>): Promise<T> =>
      db.transaction('rw', db.tables, async () => {
        await refuseImported(record.packageId);
        const applied = await apply();
        await db.receivedPackages.add(record);
        return applied;
      }),
  };
}

export type ReceivedPackagesRepository = ReturnType<typeof createReceivedPackagesRepository>;
