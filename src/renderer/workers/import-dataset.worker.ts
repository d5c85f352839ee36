/// <reference lib="webworker" />
// A CSV import parses, encodes, hashes and stores every byte; off the main thread so the window
// stays responsive. The worker writes to IndexedDB itself (through the datasets repository), so
// chunks never cross back to the page.
import { expose } from 'comlink';
import { KpoDatabase } from '../db/database';
import { createDatasetsRepository } from '../db/datasets-repository';
import type { DatasetImportOutcome, DatasetImportProgress, DatasetImportRequest } from './import-dataset';
import { importDataset } from './import-dataset';

const datasets = createDatasetsRepository(new KpoDatabase());
let running: AbortController | undefined;

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
      return await importDataset(file, request, {
        datasets,
        signal: controller.signal,
        // Fire and forget: the page applies progress when it can; the import never waits for it.
        onProgress,
        estimateStorage: async () => navigator.storage.estimate(),
      });
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
