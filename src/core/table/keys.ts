/**
 * Turning a column into numbers the sort and group-by loops can compare: numbers and times as
 * themselves, booleans as 0/1, strings as their rank among all the table's distinct strings.
 * Missing is NaN throughout.
 */
import { bucketStart } from './civil';
import { CHUNK_MASK, CHUNK_SHIFT, MISSING_BOOLEAN, MISSING_CODE } from './types';
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

export function stringRanks(table: Table, columnIndex: number): StringRanks {
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

/** Comparable numeric key per selected row (NaN = missing). */
export function numericKeys(
  table: Table,
  columnIndex: number,
  rows: Uint32Array,
  bucket?: TimeBucket,
): Float64Array {
  const out = new Float64Array(rows.length);
  const first = table.chunks[0]?.columns[columnIndex];
  const ranks = first?.kind === 'string' ? stringRanks(table, columnIndex) : undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const chunkIndex = row >>> CHUNK_SHIFT;
    const col = table.chunks[chunkIndex]?.columns[columnIndex] as EncodedColumn;
    const offset = row & CHUNK_MASK;
    out[i] = keyAt(col, offset, ranks?.perChunk[chunkIndex], bucket);
  }
  return out;
}

function keyAt(
  col: EncodedColumn,
  offset: number,
  ranks: Uint32Array | undefined,
  bucket?: TimeBucket,
): number {
  switch (col.kind) {
    case 'number':
      return col.values[offset] ?? NaN;
    case 'time': {
      const v = col.values[offset] ?? NaN;
      return bucket === undefined || Number.isNaN(v) ? v : bucketStart(v, bucket);
    }
    case 'boolean': {
      const v = col.values[offset] ?? MISSING_BOOLEAN;
      return v === MISSING_BOOLEAN ? NaN : v;
    }
    case 'string': {
      const code = col.codes[offset] ?? MISSING_CODE;
      return code === MISSING_CODE ? NaN : (ranks?.[code] ?? NaN);
    }
  }
}
