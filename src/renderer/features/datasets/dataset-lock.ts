import { useLiveQuery } from 'dexie-react-hooks';
import type { DatasetUse } from '../../db';
import { repositories } from '../../db';

/** Why a dataset cannot change now (the first task that locks it), or undefined while it can. */
export function lockOf(uses: readonly DatasetUse[] | undefined): string | undefined {
  return uses?.find((use) => use.locked !== undefined)?.locked;
}

/**
 * The tasks using one dataset, live (undefined while loading). The repository refuses what a lock
 * forbids; screens use this to disable those actions and say why before anyone tries.
 */
export function useDatasetUses(datasetId: string): DatasetUse[] | undefined {
  return useLiveQuery(async () => repositories.datasets.usesOf(datasetId), [datasetId]);
}
