/// <reference lib="webworker" />
// The dataset viewer's queries: filter, sort, group-by, profiles, the grid's visible window, copy and
// CSV export all run here over the typed arrays, so the window never waits on a per-row loop.
import { createTable } from '@core/table';
import type { ColumnSchema } from '@core/table';
import { expose, transfer } from 'comlink';
import { KpoDatabase } from '../db/database';
import type { LoadedDataset } from './query-engine';
import { QueryEngine } from './query-engine';

let database: KpoDatabase | undefined;

async function loadDataset(datasetId: string): Promise<LoadedDataset> {
  database ??= new KpoDatabase();
  const db = database;
  return db.transaction('r', db.datasets, db.datasetChunks, async () => {
    const record = await db.datasets.get(datasetId);
    if (!record || record.status !== 'ready') throw new Error('This dataset no longer exists.');
    const chunks = (
      await db.datasetChunks
        .where('[datasetId+index]')
        .between([datasetId, 0], [datasetId, Infinity])
        .toArray()
    ).map((c) => c.chunk);
    if (chunks.length !== record.chunkCount)
      throw new Error(`Dataset ${record.name} has ${chunks.length} of its ${record.chunkCount} chunks.`);
    const schema: ColumnSchema[] = record.columns.map((c) => ({ name: c.name, type: c.type }));
    return { name: record.name, table: createTable(schema, chunks) };
  });
}

const engine = new QueryEngine(loadDataset);

const api = {
  open: async (datasetId: string, reload = false) => engine.open(datasetId, reload),
  run: (spec: unknown) => engine.run(spec),
  window: (handle: number, start: number, end: number, columns: number[]) =>
    engine.window(handle, start, end, columns),
  copy: (
    handle: number,
    range: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number },
    withHeader: boolean,
  ) => engine.copy(handle, range, withHeader),
  profile: (handle: number, displayColumn: number) => engine.profile(handle, displayColumn),
  exportCsv: (handle: number, escapeFormulas: boolean) => {
    const bytes = engine.exportCsv(handle, { escapeFormulas });
    return bytes === undefined ? undefined : transfer(bytes, [bytes.buffer]);
  },
};

export type QueryWorker = typeof api;

expose(api);
