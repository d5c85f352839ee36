import type { ChartData, ChartSpec, ViewTable } from '@core/charts';
import type { Remote } from 'comlink';
import { wrap } from 'comlink';
import type { SavedView } from '../../db';
import { repositories } from '../../db';
import type { QueryWorker } from '../../workers/query.worker';
import type { ChartOutcome, RunOutcome } from '../../workers/query-engine';
import { MAX_COPY_CELLS } from '../../workers/query-engine';

export interface LoadedViewTable {
  readonly view: SavedView;
  readonly datasetName: string;
  /** The view's first rows (as many as asked for), formatted as the grid shows them. */
  readonly table: ViewTable;
  /** Rows in the view's result; more than `table.rows` when only the first were asked for. */
  readonly totalRows: number;
}

export interface LoadedChartData {
  /** Shaped in the query worker from every row of the view: nothing is cut at a row limit. */
  readonly data: ChartData;
  /** Rows of the view's result the chart was shaped from. */
  readonly rows: number;
}

/**
 * One shared query worker for charts, findings and reports, used one request at a time: it keeps the
 * last dataset in memory, so several charts of one view load it once. It stops after a quiet spell.
 */
let shared: { worker: Worker; remote: Remote<QueryWorker>; stopped: Promise<never> } | undefined;
let queue: Promise<unknown> = Promise.resolve();
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** What the worker holds of each dataset it opened: a changed column type means it must read it again. */
const openedVersions = new Map<string, string>();
const IDLE_MS = 30_000;

function sharedWorker(): NonNullable<typeof shared> {
  if (!shared) {
    const worker = new Worker(new URL('../../workers/query.worker.ts', import.meta.url), {
      type: 'module',
      name: 'chart-query',
    });
    // A worker that fails to start or dies never answers: requests fail with why instead of waiting forever.
    const stopped = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        if (shared?.worker === worker) shared = undefined;
        worker.terminate();
        reject(new Error(`The query worker stopped: ${event.message || 'unknown error'}`));
      });
    });
    stopped.catch(() => undefined);
    shared = { worker, remote: wrap<QueryWorker>(worker), stopped };
    openedVersions.clear();
  }
  return shared;
}

function scheduleStop(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    shared?.worker.terminate();
    shared = undefined;
  }, IDLE_MS);
}

interface RunView {
  view: SavedView;
  datasetName: string;
  outcome: Extract<RunOutcome, { ok: true }>;
  remote: Remote<QueryWorker>;
  answer: <T>(request: Promise<T>) => Promise<T>;
}

/**
 * Runs a saved view over its dataset's current data in the shared worker, then `withResult` on it,
 * one request at a time.
 */
async function onView<T>(viewId: string, withResult: (run: RunView) => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    const view = await repositories.savedViews.get(viewId);
    if (!view) throw new Error('The saved view this refers to no longer exists.');
    if (!view.spec) throw new Error(`The saved view "${view.name}" cannot be used: ${view.problem}`);
    const dataset = await repositories.datasets.get(view.datasetId);
    if (!dataset)
      throw new Error(`The dataset of the saved view "${view.name}" is no longer on this computer.`);
    const version = JSON.stringify([dataset.columns, dataset.rowCount, dataset.sha256]);
    const { remote, stopped } = sharedWorker();
    const answer = async <R>(request: Promise<R>): Promise<R> => Promise.race([request, stopped]);
    const summary = await answer(remote.open(view.datasetId, openedVersions.get(view.datasetId) !== version));
    openedVersions.set(view.datasetId, version);
    const outcome = await answer<RunOutcome>(remote.run(view.spec));
    if (!outcome.ok) throw new Error(`The saved view "${view.name}" failed: ${outcome.error}`);
    return withResult({ view, datasetName: summary.name, outcome, remote, answer });
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  try {
    return await result;
  } finally {
    scheduleStop();
  }
}

/** A saved view's first `maxRows` result rows as formatted cells (0: only its columns), with its size. */
export async function loadViewTable(viewId: string, maxRows: number): Promise<LoadedViewTable> {
  return onView(viewId, async ({ view, datasetName, outcome, remote, answer }) => {
    const displayColumns = outcome.columns.map((_, i) => i);
    const limit = Math.min(maxRows, Math.floor(MAX_COPY_CELLS / Math.max(1, displayColumns.length)));
    const window =
      limit > 0
        ? await answer(remote.window(outcome.handle, 0, Math.min(limit, outcome.rowCount), displayColumns))
        : undefined;
    return {
      view,
      datasetName,
      table: { columns: outcome.columns.map((c) => c.name), rows: window?.cells ?? [] },
      totalRows: outcome.rowCount,
    };
  });
}

/** What a chart draws, shaped in the query worker from every row of its view's current result. */
export async function loadChartData(spec: ChartSpec): Promise<LoadedChartData> {
  return onView(spec.viewId, async ({ outcome, remote, answer }) => {
    const shaped = await answer<ChartOutcome | undefined>(remote.chartData(outcome.handle, spec));
    if (!shaped) throw new Error('The query worker lost the view’s result; try again.');
    if (!shaped.ok) throw new Error(shaped.error);
    return { data: shaped.data, rows: shaped.rows };
  });
}
