import { z } from 'zod';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';

/** Largest CSV the Datasets screen imports unless the user changes it in Settings. */
export const DEFAULT_DATASET_IMPORT_LIMIT_BYTES = 2 * 1024 ** 3;
const MIN_LIMIT_BYTES = 1024 ** 2;
const MAX_LIMIT_BYTES = 64 * 1024 ** 3;

const DATASET_IMPORT_LIMIT = 'datasets.importLimitBytes';

const limitSchema = z
  .number()
  .int()
  .min(MIN_LIMIT_BYTES, 'The limit must be at least 1 MB.')
  .max(MAX_LIMIT_BYTES, 'The limit must be at most 64 GB.');

/** Typed access to the key/value settings store. */
export function createSettingsRepository(db: KpoDatabase) {
  return {
    datasetImportLimitBytes: async (): Promise<number> => {
      const stored = await db.settings.get(DATASET_IMPORT_LIMIT);
      const parsed = limitSchema.safeParse(stored?.value);
      return parsed.success ? parsed.data : DEFAULT_DATASET_IMPORT_LIMIT_BYTES;
    },

    setDatasetImportLimitBytes: async (bytes: number): Promise<void> => {
      const parsed = limitSchema.safeParse(bytes);
      if (!parsed.success)
        throw new UserInputError(parsed.error.issues[0]?.message ?? 'Invalid limit.', 'importLimit');
      await db.settings.put({ key: DATASET_IMPORT_LIMIT, value: parsed.data });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
