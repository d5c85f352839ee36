/**
 * A Web Lock held by the worker for the whole of an import. Pending datasets are swept at start-up,
 * but in browser mode a second tab can start while the first is importing: the sweep takes each
 * pending dataset's lock first, so it waits out a live import and removes only what a dead tab or
 * a crash left (the browser releases a dead holder's locks).
 */
const PREFIX = 'kpo-dataset-import:';

export function importLockName(datasetId: string): string {
  return `${PREFIX}${datasetId}`;
}

/** Runs `work` while holding the import lock of `datasetId`, waiting for it if it is held. */
export async function withImportLock<T>(datasetId: string, work: () => Promise<T>): Promise<T> {
  return navigator.locks.request(importLockName(datasetId), work);
}
