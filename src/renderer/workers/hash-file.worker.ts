/// <reference lib="webworker" />
// Hashes an imported file beside the import worker: SHA-256 of every byte took about a quarter of
// the import's time on the import worker's thread. The File arrives by reference (no copy) and is
// read here again, so neither worker holds more than one read's worth of it.
import { expose } from 'comlink';
import { sha256OfStream } from './hash-file';

const api = {
  async sha256(file: Blob): Promise<string> {
    return sha256OfStream(file.stream());
  },
};

export type HashFileWorker = typeof api;

expose(api);
