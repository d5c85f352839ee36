/**
 * Derived data that lives with a loaded table, so re-running a view ("warm") does not redo it:
 * a string column's global sorted dictionary with each chunk's code → rank map, and per (time
 * column, bucket) an Int32Array of bucket numbers.
 *
 * Everything is held in WeakMaps keyed by the objects it was derived from, so memory goes away
 * with the table and nothing can be stale: tables and chunks are never mutated, and replacing
 * a column (convertTableColumn, a re-import) produces new column objects. A table-level entry
 * remembers the exact column objects it was built from and is rebuilt if they differ, so even a
 * Table object rebuilt around changed chunks cannot see another table's ranks.
 */
import { MS_PER_DAY, daysFromCivil, packedCivilFromDays } from './civil';
import type { EncodedColumn, Table, TimeBucket } from './types';

/** Code-unit order: deterministic in every engine and locale (documented; no collation yet). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface StringRanks {
  /** All distinct strings of the column, sorted. */
  readonly sorted: string[];
  /** Per chunk: dictionary code → rank in `sorted`. */
  readonly perChunk: Uint32Array[];
}

interface RanksEntry {
  readonly columns: readonly (EncodedColumn | undefined)[];
  readonly ranks: StringRanks;
}

const ranksCache = new WeakMap<Table, Map<number, RanksEntry>>();

function sameColumns(
  table: Table,
  columnIndex: number,
  columns: readonly (EncodedColumn | undefined)[],
): boolean {
  if (columns.length !== table.chunks.length) return false;
  for (let i = 0; i < columns.length; i++)
    if (table.chunks[i]?.columns[columnIndex] !== columns[i]) return false;
  return true;
}

/** The column's global sorted dictionary and per-chunk rank maps (cached with the table). */
export function stringRanks(table: Table, columnIndex: number): StringRanks {
  let perTable = ranksCache.get(table);
  const hit = perTable?.get(columnIndex);
  if (hit !== undefined && sameColumns(table, columnIndex, hit.columns)) return hit.ranks;
  const ranks = computeStringRanks(table, columnIndex);
  if (perTable === undefined) {
    perTable = new Map();
    ranksCache.set(table, perTable);
  }
  perTable.set(columnIndex, { columns: table.chunks.map((chunk) => chunk.columns[columnIndex]), ranks });
  return ranks;
}

function computeStringRanks(table: Table, columnIndex: number): StringRanks {
  const distinct = new Set<string>();
  for (const chunk of table.chunks) {
    const col = chunk.columns[columnIndex];
    if (col?.kind === 'string') for (const s of col.dictionary) distinct.add(s);
  }
  const sorted = [...distinct].sort(compareStrings);
  const rank = new Map<string, number>();
  sorted.forEach((s, i) => rank.set(s, i));
  const perChunk = table.chunks.map((chunk) => {
    const col = chunk.columns[columnIndex];
    const dict = col?.kind === 'string' ? col.dictionary : [];
    const map = new Uint32Array(dict.length);
    dict.forEach((s, i) => (map[i] = rank.get(s) ?? 0));
    return map;
  });
  return { sorted, perChunk };
}

/** Bucket number of a missing time value. */
export const MISSING_BUCKET = -0x80000000;

export interface BucketNumbers {
  /**
   * Per row of the chunk: the bucket as a small integer (day: days since 1970-01-01; month:
   * year * 12 + month - 1; year: the year), or MISSING_BUCKET. Consecutive buckets are
   * consecutive integers, so a group-by can index a dense array with `n - min`.
   */
  readonly numbers: Int32Array;
  /** Smallest and largest present bucket number (Infinity / -Infinity if none). */
  readonly min: number;
  readonly max: number;
}

const bucketCache = new WeakMap<EncodedColumn, Partial<Record<TimeBucket, BucketNumbers>>>();

/** Calendar bucket numbers of a time column chunk (UTC), cached with the column. */
export function bucketNumbers(column: EncodedColumn & { kind: 'time' }, bucket: TimeBucket): BucketNumbers {
  let perColumn = bucketCache.get(column);
  const hit = perColumn?.[bucket];
  if (hit !== undefined) return hit;
  const values = column.values;
  const n = values.length;
  const numbers = new Int32Array(n);
  let min = Infinity;
  let max = -Infinity;
  // Dates repeat a lot (many rows per day), so remember the last day's answer.
  let lastDay = NaN;
  let lastNumber = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? NaN;
    if (v !== v) {
      numbers[i] = MISSING_BUCKET;
      continue;
    }
    const day = Math.floor(v / MS_PER_DAY);
    if (day !== lastDay) {
      lastDay = day;
      if (bucket === 'day') lastNumber = day;
      else {
        const packed = packedCivilFromDays(day);
        const year = Math.floor(packed / 10000);
        lastNumber = bucket === 'year' ? year : year * 12 + (Math.floor(packed / 100) % 100) - 1;
      }
    }
    numbers[i] = lastNumber;
    if (lastNumber < min) min = lastNumber;
    if (lastNumber > max) max = lastNumber;
  }
  const result: BucketNumbers = { numbers, min, max };
  if (perColumn === undefined) {
    perColumn = {};
    bucketCache.set(column, perColumn);
  }
  perColumn[bucket] = result;
  return result;
}

/** Start (epoch ms, UTC) of the bucket with number `n`; the inverse of bucketNumbers. */
export function bucketNumberStart(n: number, bucket: TimeBucket): number {
  switch (bucket) {
    case 'day':
      return n * MS_PER_DAY;
    case 'month': {
      const year = Math.floor(n / 12);
      return daysFromCivil(year, n - year * 12 + 1, 1) * MS_PER_DAY;
    }
    case 'year':
      return daysFromCivil(n, 1, 1) * MS_PER_DAY;
  }
}

export interface NumberRange {
  /** Smallest and largest present value (Infinity / -Infinity if none). */
  readonly min: number;
  readonly max: number;
  /** Every present value is an integer. */
  readonly integral: boolean;
}

const rangeCache = new WeakMap<EncodedColumn, NumberRange>();

/** Range of a number or time column chunk, cached with the column. */
export function numberRange(column: EncodedColumn & { kind: 'number' | 'time' }): NumberRange {
  const hit = rangeCache.get(column);
  if (hit !== undefined) return hit;
  const values = column.values;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && Math.floor(v) !== v) integral = false;
  }
  const range: NumberRange = { min, max, integral };
  rangeCache.set(column, range);
  return range;
}

const allRowsCache = new WeakMap<Table, Uint32Array>();
const identities = new WeakSet<Uint32Array>();

/**
 * 0..rowCount-1 for the table, shared between queries. Internal to the engine (group-by input
 * when nothing is filtered): never returned to callers, who may transfer or modify their rows.
 */
export function sharedAllRows(table: Table): Uint32Array {
  let rows = allRowsCache.get(table);
  if (rows?.length !== table.rowCount) {
    rows = new Uint32Array(table.rowCount);
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    allRowsCache.set(table, rows);
    identities.add(rows);
  }
  return rows;
}

/** Whether `rows` is a shared 0..n-1 array from sharedAllRows. */
export function isSharedAllRows(rows: Uint32Array): boolean {
  return identities.has(rows);
}
