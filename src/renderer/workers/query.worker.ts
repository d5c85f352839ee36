/// <reference lib="webworker" />
// The dataset viewer's queries: filter, sort, group-by, profiles, the grid's visible window, copy and
// CSV export all run here over the typed arrays, so the window never waits on a per-row loop.
import { expose, transfer } from 'comlink';
import { repositories } from '../db';
import type { LoadedDataset } from './query-engine';
import { QueryEngine } from './query-engine';

/**
 * The first chunk answers the first screen on its own, so a large dataset shows rows without
 * waiting for all of its chunks to be read; the whole table follows in the background.
 */
async function loadDataset(datasetId: string): Promise<LoadedDataset> {
  const head = await repositories.datasets.loadTableHead(datasetId);
  if (head.table.rowCount === head.rowCount) return { name: head.name, table: head.table };
  return {
    name: head.name,
    table: head.table,
    rest: { rowCount: head.rowCount, table: async () => repositories.datasets.loadTable(datasetId) },
  };
}

const engine = new QueryEngine(loadDataset);

const api = {
  open: async (datasetId: string, reload = false) => engine.open(datasetId, reload),
  run: async (spec: unknown) => {
    if (!engine.canRunNow(spec)) await engine.whenLoaded();
    return engine.run(spec);
  },
  window: async (handle: number, start: number, end: number, columns: number[]) => {
    if (!engine.canServeNow(handle, end)) await engine.whenLoaded();
    return engine.window(handle, start, end, columns);
  },
  copy: async (
    handle: number,
    range: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number },
    withHeader: boolean,
  ) => {
    await engine.whenLoaded();
    return engine.copy(handle, range, withHeader);
  },
  chartData: async (handle: number, chartSpec: unknown) => {
    await engine.whenLoaded();
    return engine.chartData(handle, chartSpec);
  },
  profile: async (handle: number, displayColumn: number) => {
    await engine.whenLoaded();
    return engine.profile(handle, displayColumn);
  },
  exportCsv: async (handle: number, escapeFormulas: boolean) => {
    await engine.whenLoaded();
    const bytes = engine.exportCsv(handle, { escapeFormulas });
    return bytes === undefined ? undefined : transfer(bytes, [bytes.buffer]);
  },
};

export type QueryWorker = typeof api;

expose(api);
