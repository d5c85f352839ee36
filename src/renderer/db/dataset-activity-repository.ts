import type { KpoDatabase } from './database';
import type { DatasetActivityRecord } from './records';

/** What the analyst did with each dataset, for the "every dataset opened and profiled" QC check. */
export function createDatasetActivityRepository(db: KpoDatabase) {
  // Only the first time counts: the check asks whether it happened, and rewriting on every open
  // would wake every live query that reads activity.
  const markOnce = async (datasetId: string, field: 'openedAt' | 'profiledAt'): Promise<void> => {
    await db.transaction('rw', db.datasetActivity, async () => {
      const existing = await db.datasetActivity.get(datasetId);
      if (existing?.[field]) return;
      await db.datasetActivity.put({ ...existing, datasetId, [field]: new Date().toISOString() });
    });
  };

  return {
    markOpened: async (datasetId: string): Promise<void> => markOnce(datasetId, 'openedAt'),
    markProfiled: async (datasetId: string): Promise<void> => markOnce(datasetId, 'profiledAt'),
    get: async (datasetId: string): Promise<DatasetActivityRecord | undefined> =>
      db.datasetActivity.get(datasetId),
  };
}

export type DatasetActivityRepository = ReturnType<typeof createDatasetActivityRepository>;
