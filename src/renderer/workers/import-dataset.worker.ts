/// <reference lib="webworker" />
// A CSV import parses, encodes, hashes and stores every byte; off the main thread so the window
// stays responsive. The worker writes to IndexedDB itself (through the datasets repository), so
// chunks never cross back to the page.
import { expose, wrap } from 'comlink';
import { KpoDatabase } from '../db/database';
import { createDatasetsRepository } from '../db/datasets-repository';
import type { DatasetImportOutcome, DatasetImportProgress, DatasetImportRequest } from './import-dataset';
import { importDataset } from './import-dataset';
import { withImportLock } from './import-lock';
import type { HashFileWorker } from './hash-file.worker';

const datasets = createDatasetsRepository(new KpoDatabase());
let running: AbortController | undefined;

/** SHA-256 of the file in a worker of its own, so hashing runs beside parsing on another core. */
async function hashInWorker(file: File, signal: AbortSignal): Promise<string> {
  const worker = new Worker(new URL('./hash-file.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hash-file',
  });
  try {
    const stopped = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(
          new Error(`Hashing the file stopped unexpectedly${event.message ? `: ${event.message}` : '.'}`),
        );
      });
      signal.addEventListener('abort', () => {
        reject(new Error('Hashing was stopped.'));
      });
    });
    return await Promise.race([wrap<HashFileWorker>(worker).sha256(file), stopped]);
  } finally {
    worker.terminate();
  }
}

const api = {
  async run(
    file: File,
    request: DatasetImportRequest,
    onProgress: (progress: DatasetImportProgress) => void,
  ): Promise<DatasetImportOutcome> {
    if (running) throw new Error('This worker is already importing a file.');
    const controller = new AbortController();
    running = controller;
    try {
      return await withImportLock(request.datasetId, async () =>
        importDataset(file, request, {
          datasets,
          signal: controller.signal,
          // Fire and forget: the page applies progress when it can; the import never waits for it.
          onProgress,
          estimateStorage: async () => navigator.storage.estimate(),
          hashFile: async (_source, signal) => hashInWorker(file, signal),
        }),
      );
    } finally {
      running = undefined;
    }
  },

  /** Stops the import between two reads or writes; `run` then deletes what it wrote and resolves. */
  cancel(): void {
    running?.abort();
  },
};

export type ImportDatasetWorker = typeof api;

expose(api);
