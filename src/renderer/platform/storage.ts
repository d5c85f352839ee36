/** Asks the browser not to evict our IndexedDB under storage pressure, and reports usage and quota. */
export interface StorageStatus {
  persisted: boolean;
  usageBytes: number | undefined;
  quotaBytes: number | undefined;
}

export async function requestPersistentStorage(): Promise<boolean> {
  if (!('storage' in navigator)) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export async function readStorageStatus(): Promise<StorageStatus> {
  if (!('storage' in navigator)) return { persisted: false, usageBytes: undefined, quotaBytes: undefined };
  const [persisted, estimate] = await Promise.all([
    navigator.storage.persisted(),
    navigator.storage.estimate(),
  ]);
  return { persisted, usageBytes: estimate.usage, quotaBytes: estimate.quota };
}
