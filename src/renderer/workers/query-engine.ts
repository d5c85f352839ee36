/**
 * What the query worker does, as a plain class so it can be tested without a worker: holds one
 * dataset's table in memory (loaded once), evaluates ViewSpecs against it and serves the grid only
 * the rows and columns it shows. Every per-row loop of the viewer runs here, never on the main thread.
 */
import type { ColumnProfile, ColumnSchema, Table, ViewResult, ViewSpec } from '@core/table';
import {
  ViewError,
  ViewSpecSchema,
  exportCsv,
  formatCell,
  profileColumn,
  readCell,
  runView,
} from '@core/table';
import { CHUNK_MASK, CHUNK_SHIFT } from '@core/table';
import type { ChartData } from '@core/charts';
import { ChartDataError, ChartSpecSchema, shapeChartData } from '@core/charts';
import { toTsv } from '../features/datasets/viewer/tsv';

export interface LoadedDataset {
  readonly name: string;
  /** The whole table, or only its first chunk(s) when `rest` is given. */
  readonly table: Table;
  /**
   * Reopening a large dataset shows its first rows from the first chunk, then loads the rest: the
   * full row count, and how to read the full table. Reading it occupies the worker (deserialising
   * every chunk), so it starts only after the first window is served or when something needs it.
   */
  readonly rest?: { readonly rowCount: number; readonly table: () => Promise<Table> };
}

export type DatasetLoader = (datasetId: string) => Promise<LoadedDataset>;

export interface DatasetSummary {
  readonly datasetId: string;
  readonly name: string;
  readonly rowCount: number;
  readonly columns: readonly ColumnSchema[];
}

export interface ViewColumn extends ColumnSchema {
  /** Index in the result table (stable for a handle; the grid asks for columns by display position). */
  readonly index: number;
}

export type RunOutcome =
  | {
      readonly ok: true;
      readonly handle: number;
      /** Rows of the result (source rows, or groups). */
      readonly rowCount: number;
      /** Source rows that passed the filters. */
      readonly matchedRows: number;
      readonly sourceRows: number;
      /** Visible result columns in display order. */
      readonly columns: readonly ViewColumn[];
      readonly grouped: boolean;
      readonly droppedPivotColumns: number;
    }
  | { readonly ok: false; readonly error: string };

/** A chart's data shaped from every row of a view's result, or why it cannot be. */
export type ChartOutcome =
  | { readonly ok: true; readonly data: ChartData; readonly rows: number }
  | { readonly ok: false; readonly error: string };

export interface RowWindow {
  readonly handle: number;
  readonly start: number;
  /** 1-based number shown in the row header: the source row, or the position in a grouped result. */
  readonly rowNumbers: number[];
  /** Row-major, one entry per requested column; null = missing. */
  readonly cells: (string | null)[][];
}

/** Copy and window requests larger than this many cells are refused rather than freezing anything. */
export const MAX_COPY_CELLS = 2_000_000;
/** Results kept for handles the grid may still be reading while a newer view is computed. */
const KEPT_RESULTS = 4;

/** A view of the rows as stored (no filter, sort or grouping): servable from the first chunk alone. */
function isStoredOrder(spec: ViewSpec): boolean {
  return (
    spec.filters.children.length === 0 &&
    spec.sort.length === 0 &&
    spec.groupBy === undefined &&
    spec.pivot === undefined
  );
}

interface StoredResult {
  result: ViewResult;
  spec: ViewSpec;
  /** Computed over the first chunk only, while the rest of the table loads. */
  partial: boolean;
}

export class QueryEngine {
  private dataset: { id: string; name: string; table: Table; rowCount: number } | undefined;
  private loaded: Promise<void> = Promise.resolve();
  private loadRest: (() => Promise<void>) | undefined;
  private readonly results = new Map<number, StoredResult>();
  private nextHandle = 1;

  constructor(private readonly load: DatasetLoader) {}

  /** Loads the dataset unless it is already the one in memory (`reload` forces a fresh read). */
  async open(datasetId: string, reload = false): Promise<DatasetSummary> {
    if (reload || this.dataset?.id !== datasetId) {
      this.dataset = undefined;
      this.results.clear();
      const loaded = await this.load(datasetId);
      const dataset = {
        id: datasetId,
        name: loaded.name,
        table: loaded.table,
        rowCount: loaded.rest?.rowCount ?? loaded.table.rowCount,
      };
      this.dataset = dataset;
      this.loaded = Promise.resolve();
      this.loadRest = undefined;
      const rest = loaded.rest;
      if (rest) {
        let started: Promise<void> | undefined;
        this.loadRest = async () => {
          started ??= rest.table().then((full) => {
            // Only if this is still the dataset in memory: a newer open replaced it otherwise.
            if (this.dataset === dataset) dataset.table = full;
          });
          return started;
        };
      }
    }
    const { name, table, rowCount } = this.dataset;
    return { datasetId, name, rowCount, columns: table.columns };
  }

  /** Resolves when the whole table is in memory, starting to read the rest if it has not yet. */
  async whenLoaded(): Promise<void> {
    return this.loadRest ? this.loadRest() : this.loaded;
  }

  private isComplete(): boolean {
    return this.dataset !== undefined && this.dataset.table.rowCount === this.dataset.rowCount;
  }

  /** Whether `run` can answer now, or must wait for `whenLoaded` (any filter, sort or grouping). */
  canRunNow(specInput: unknown): boolean {
    if (this.isComplete()) return true;
    const parsed = ViewSpecSchema.safeParse(specInput);
    return !parsed.success || isStoredOrder(parsed.data);
  }

  /** Whether `window` can serve rows up to `end` now, or must wait for `whenLoaded`. */
  canServeNow(handle: number, end: number): boolean {
    const stored = this.results.get(handle);
    return stored === undefined || !stored.partial || this.isComplete() || end <= stored.result.rows.length;
  }

  /** Validates and evaluates a view; a spec that does not fit the data is an answer, not an exception. */
  run(specInput: unknown): RunOutcome {
    const table = this.table();
    const parsed = ViewSpecSchema.safeParse(specInput);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `The view is not valid: ${issue?.message ?? 'unknown problem'}` };
    }
    const spec = parsed.data;
    const partial = !this.isComplete();
    if (partial && !isStoredOrder(spec))
      throw new Error('The dataset is still loading; wait for whenLoaded().');
    let result: ViewResult;
    try {
      result = runView(table, spec);
    } catch (error) {
      if (error instanceof ViewError) return { ok: false, error: error.message };
      throw error;
    }
    const handle = this.nextHandle++;
    this.results.set(handle, { result, spec, partial });
    for (const old of this.results.keys()) if (this.results.size > KEPT_RESULTS) this.results.delete(old);
    const rowCount = this.dataset?.rowCount ?? table.rowCount;
    return {
      ok: true,
      handle,
      rowCount: partial ? rowCount : result.rows.length,
      matchedRows: partial ? rowCount : result.matchedRows,
      sourceRows: rowCount,
      columns: result.columns.map((index) => ({ ...(result.table.columns[index] as ColumnSchema), index })),
      grouped: spec.groupBy !== undefined || spec.pivot !== undefined,
      droppedPivotColumns: result.droppedPivotColumns,
    };
  }

  /** Formatted cells of result rows [start, end) for the given display columns. */
  window(
    handle: number,
    start: number,
    end: number,
    displayColumns: readonly number[],
  ): RowWindow | undefined {
    const result = this.resultOf(handle);
    if (result === undefined) return undefined;
    const from = Math.max(0, Math.min(start, result.rows.length));
    const to = Math.max(from, Math.min(end, result.rows.length));
    if ((to - from) * displayColumns.length > MAX_COPY_CELLS)
      throw new RangeError(`A window of ${to - from} rows is too large.`);
    const grouped = result.table !== this.table();
    const columns = displayColumns.map((d) => {
      const index = result.columns[d];
      const schema = index === undefined ? undefined : result.table.columns[index];
      if (index === undefined || schema === undefined) throw new RangeError(`no display column ${d}`);
      return { index, schema };
    });
    const rowNumbers: number[] = [];
    const cells: (string | null)[][] = [];
    for (let i = from; i < to; i++) {
      const row = result.rows[i] ?? 0;
      rowNumbers.push(grouped ? i + 1 : row + 1);
      const chunk = result.table.chunks[row >>> CHUNK_SHIFT];
      const offset = row & CHUNK_MASK;
      cells.push(
        columns.map(({ index, schema }) => {
          const encoded = chunk?.columns[index];
          if (encoded === undefined) return null;
          const value = readCell(encoded, offset);
          return value === null ? null : formatCell(value, schema);
        }),
      );
    }
    // The first screen is out: now read the rest, without holding up this answer.
    if (this.loadRest && !this.isComplete()) {
      const loadRest = this.loadRest;
      setTimeout(() => {
        loadRest().catch(() => undefined); // whoever needs the rest awaits whenLoaded() and sees the error
      }, 0);
    }
    return { handle, start: from, rowNumbers, cells };
  }

  /**
   * What a chart of this result draws, computed here over every row of the view (histogram bins,
   * series, thinning), so only the chart's few numbers cross to the window and nothing is cut at a
   * row limit. Only the columns the chart uses are formatted, one row at a time.
   */
  chartData(handle: number, chartSpecInput: unknown): ChartOutcome | undefined {
    const result = this.resultOf(handle);
    if (result === undefined) return undefined;
    const parsed = ChartSpecSchema.safeParse(chartSpecInput);
    if (!parsed.success)
      return {
        ok: false,
        error: `The chart is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`,
      };
    const spec = parsed.data;
    const wanted = new Set([spec.x, ...spec.y, ...(spec.series === undefined ? [] : [spec.series])]);
    const columns = result.columns
      .map((index) => ({ index, schema: result.table.columns[index] }))
      .filter(
        (c): c is { index: number; schema: ColumnSchema } =>
          c.schema !== undefined && wanted.has(c.schema.name),
      );
    const { table, rows } = result;
    function* cells(): Generator<(string | null)[]> {
      for (const row of rows) {
        const chunk = table.chunks[row >>> CHUNK_SHIFT];
        const offset = row & CHUNK_MASK;
        yield columns.map(({ index, schema }) => {
          const encoded = chunk?.columns[index];
          const value = encoded === undefined ? null : readCell(encoded, offset);
          return value === null ? null : formatCell(value, schema);
        });
      }
    }
    try {
      const data = shapeChartData(spec, { columns: columns.map((c) => c.schema.name), rows: cells() });
      return { ok: true, data, rows: rows.length };
    } catch (error) {
      if (error instanceof ChartDataError) return { ok: false, error: error.message };
      throw error;
    }
  }

  /** A rectangular selection (inclusive bounds, display positions) as TSV, header first if asked. */
  copy(
    handle: number,
    range: { firstRow: number; lastRow: number; firstColumn: number; lastColumn: number },
    withHeader = false,
  ): string | undefined {
    const result = this.resultOf(handle);
    if (result === undefined) return undefined;
    const displayColumns: number[] = [];
    for (let d = range.firstColumn; d <= range.lastColumn; d++) displayColumns.push(d);
    const rows = range.lastRow - range.firstRow + 1;
    if (rows * displayColumns.length > MAX_COPY_CELLS)
      throw new RangeError(
        `That selection has ${rows * displayColumns.length} cells; copy at most ${MAX_COPY_CELLS}, or export the view as CSV.`,
      );
    const win = this.window(handle, range.firstRow, range.lastRow + 1, displayColumns);
    if (win === undefined) return undefined;
    const header = withHeader
      ? displayColumns.map((d) => result.table.columns[result.columns[d] ?? 0]?.name ?? '')
      : undefined;
    return toTsv(win.cells, header);
  }

  /** Profile of one result column over the rows of the view (after filters). */
  profile(handle: number, displayColumn: number): ColumnProfile | undefined {
    const result = this.resultOf(handle);
    const index = result?.columns[displayColumn];
    if (result === undefined || index === undefined) return undefined;
    return profileColumn(result.table, index, { rows: result.rows, topN: 20, bins: 20 });
  }

  /** The view exactly as shown (rows in order, visible columns in order) as UTF-8 CSV with a header. */
  exportCsv(handle: number, options: { escapeFormulas: boolean }): Uint8Array | undefined {
    const result = this.resultOf(handle);
    if (result === undefined) return undefined;
    const encoder = new TextEncoder();
    const pieces: Uint8Array[] = [];
    let length = 0;
    for (const piece of exportCsv(result.table, {
      rows: result.rows,
      columns: result.columns,
      escapeFormulas: options.escapeFormulas,
    })) {
      const bytes = encoder.encode(piece);
      pieces.push(bytes);
      length += bytes.length;
    }
    const out = new Uint8Array(length);
    let at = 0;
    for (const bytes of pieces) {
      out.set(bytes, at);
      at += bytes.length;
    }
    return out;
  }

  /** A stored result, recomputed over the whole table once it has loaded if it was partial. */
  private resultOf(handle: number): ViewResult | undefined {
    const stored = this.results.get(handle);
    if (stored === undefined) return undefined;
    if (stored.partial && this.isComplete()) {
      stored.result = runView(this.table(), stored.spec);
      stored.partial = false;
    }
    return stored.result;
  }

  private table(): Table {
    if (this.dataset === undefined) throw new Error('No dataset is open.');
    return this.dataset.table;
  }
}
