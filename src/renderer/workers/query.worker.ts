/// <reference lib="webworker" />
// The dataset viewer's queries: filter, sort, group-by, profiles, the grid's visible window, copy and
// CSV export all run here over the typed arrays, so the window never waits on a per-row loop.
import { expose, transfer } from 'comlink';
import { repositories } from '../db';
import type { LoadedDataset } from './query-engine';
import { QueryEngine } from './query-engine';

async function loadDataset(datasetId: string): Promise<LoadedDataset> {
  const table = await repositories.datasets.loadTable(datasetId);
  const record = await repositories.datasets.get(datasetId);
  return { name: record?.name ?? 'Dataset', table };
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
