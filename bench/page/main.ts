/**
 * The benchmark's peer page, served from the app's own origin so it can read the app's IndexedDB.
 * Each function is timed by the page itself (performance.now) and driven by scripts/bench.mjs.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import Dexie from 'dexie';
import Papa from 'papaparse';
import { CHUNK_ROWS, parseViewSpec, runView } from '../../src/core/table';
import type { ColumnSchema, Table, TableChunk } from '../../src/core/table';
import { BENCH_FILTER_SORT, BENCH_GROUP_BY, DUCKDB_FILTER_SORT_SQL, DUCKDB_GROUP_BY_SQL } from './queries';

function csvFile(): File {
  const input = document.querySelector<HTMLInputElement>('#csv');
  const file = input?.files?.[0];
  if (!file) throw new Error('bench page: no CSV chosen');
  return file;
}

/** The anchor: PapaParse alone, header + dynamicTyping, streaming chunks so it keeps no rows. */
async function papaparseAlone(): Promise<{ ms: number; rows: number }> {
  const file = csvFile();
  const started = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Record<string, unknown>>(file, {
      header: true,
      dynamicTyping: true,
      skipEmptyLines: true,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => {
        resolve();
      },
      error: (error) => {
        reject(error);
      },
    });
  });
  return { ms: performance.now() - started, rows };
}

let duck: { db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection } | undefined;

/** The peer: DuckDB-Wasm read_csv into a table (instantiation not timed). */
async function duckdbImport(): Promise<{ ms: number; rows: number }> {
  if (duck) {
    await duck.conn.close();
    await duck.db.terminate();
  }
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(duckdbWorker));
  await db.instantiate(duckdbWasm);
  const file = csvFile();
  await db.registerFileHandle('bench.csv', file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const conn = await db.connect();
  duck = { db, conn };
  const started = performance.now();
  await conn.query("CREATE TABLE t AS SELECT * FROM read_csv('bench.csv', header = true)");
  const ms = performance.now() - started;
  const count = await conn.query('SELECT count(*)::INTEGER AS n FROM t');
  return { ms, rows: Number(count.getChild('n')?.get(0)) };
}

async function duckdbQuery(sql: string): Promise<{ ms: number; rows: number }> {
  if (!duck) throw new Error('bench page: run duckdbImport first');
  await duck.conn.query(sql); // warm, as ours is
  const started = performance.now();
  const result = await duck.conn.query(sql);
  return { ms: performance.now() - started, rows: result.numRows };
}

/** The baseline: one record per row, Dexie bulkAdd of the first `count` rows (parsing not timed). */
async function naiveDexie(count: number): Promise<{ ms: number; rows: number }> {
  const file = csvFile();
  const text = await file.slice(0, 16 * 1024 * 1024).text();
  const parsed = Papa.parse<Record<string, unknown>>(text, {
    header: true,
    dynamicTyping: true,
    preview: count,
  });
  await Dexie.delete('bench-naive');
  const db = new Dexie('bench-naive');
  db.version(1).stores({ rows: '++id' });
  await db.open();
  const started = performance.now();
  await db.table('rows').bulkAdd(parsed.data);
  const ms = performance.now() - started;
  db.close();
  await Dexie.delete('bench-naive');
  return { ms, rows: parsed.data.length };
}

interface StoredDataset {
  id: string;
  status: string;
  columns: ColumnSchema[];
  rowCount: number;
}

let table: Table | undefined;

/** Loads the newest ready dataset from the app's own database, as the query worker does. */
async function loadAppTable(): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const db = new Dexie('kpo-workbench');
  await db.open();
  const datasets = (await db.table('datasets').toArray()) as StoredDataset[];
  const dataset = datasets.filter((d) => d.status === 'ready').at(-1);
  if (!dataset) throw new Error('bench page: the app has no ready dataset');
  const records = (await db
    .table('datasetChunks')
    .where('[datasetId+index]')
    .between([dataset.id, Dexie.minKey], [dataset.id, Dexie.maxKey])
    .toArray()) as { chunk: TableChunk }[];
  db.close();
  const chunks = records.map((r) => r.chunk);
  table = {
    columns: dataset.columns.map(({ name, type }) => ({ name, type })),
    chunks,
    rowCount: chunks.reduce((n, c) => n + c.rowCount, 0),
  };
  if (chunks.some((c, i) => c.index !== i || (i < chunks.length - 1 && c.rowCount !== CHUNK_ROWS)))
    throw new Error('bench page: chunks are not contiguous');
  return { ms: performance.now() - started, rows: table.rowCount };
}

function ourQuery(spec: unknown, limit?: number): { ms: number; rows: number } {
  if (!table) throw new Error('bench page: run loadAppTable first');
  const view = parseViewSpec(spec);
  const options = limit === undefined ? {} : { limit };
  runView(table, view, options); // warm: the worker keeps the table and its dictionaries
  const started = performance.now();
  const result = runView(table, view, options);
  return { ms: performance.now() - started, rows: Math.min(result.rows.length, limit ?? Infinity) };
}

const bench = {
  papaparseAlone,
  duckdbImport,
  duckdbGroupBy: async () => duckdbQuery(DUCKDB_GROUP_BY_SQL),
  duckdbFilterSort: async () => duckdbQuery(DUCKDB_FILTER_SORT_SQL),
  naiveDexie,
  loadAppTable,
  ourGroupBy: () => ourQuery(BENCH_GROUP_BY),
  ourFilterSort: () => ourQuery(BENCH_FILTER_SORT, 100),
};

export type BenchApi = typeof bench;
export type BenchMeasure = keyof BenchApi;

declare global {
  interface Window {
    bench: BenchApi;
  }
}
window.bench = bench;
