/**
 * Turning a column into numbers the sort and group-by loops can compare: numbers and times as
 * themselves, booleans as 0/1, strings as their rank among all the table's distinct strings.
 * Missing is NaN throughout.
 */
import { bucketStart } from './civil';
import { isSharedAllRows, stringRanks } from './cache';
import { CHUNK_MASK, CHUNK_SHIFT, MISSING_BOOLEAN, MISSING_CODE } from './types';
import type { EncodedColumn, Table, TimeBucket } from './types';

export { compareStrings, stringRanks } from './cache';
export type { StringRanks } from './cache';

/**
 * A maximal run rows[from..to) of selected rows that lie in one chunk. When the run is
 * consecutive rows (no filter, or a dense one), `contiguous` is set and row i's offset in the
 * chunk is simply i + shift, which saves the hot loops an indirection.
 */
export interface Run {
  readonly rows: Uint32Array;
  readonly from: number;
  readonly to: number;
  readonly contiguous: boolean;
  readonly shift: number;
}

/**
 * Calls `visit(chunkIndex, run)` for each run of rows in one chunk, so per-row work can be a
 * tight loop over one chunk's typed arrays. Ascending rows (what filters produce) give one run
 * per chunk.
 */
export function forEachChunkRun(rows: Uint32Array, visit: (chunkIndex: number, run: Run) => void): void {
  const n = rows.length;
  const all = isSharedAllRows(rows);
  let from = 0;
  while (from < n) {
    const chunkIndex = (rows[from] ?? 0) >>> CHUNK_SHIFT;
    let to = from + 1;
    if (all) to = Math.min(n, (chunkIndex + 1) << CHUNK_SHIFT);
    else while (to < n && (rows[to] ?? 0) >>> CHUNK_SHIFT === chunkIndex) to++;
    const start = (rows[from] ?? 0) & CHUNK_MASK;
    const last = (rows[to - 1] ?? 0) & CHUNK_MASK;
    // Rows ascend within a run only if they are exactly start..last.
    let contiguous = last - start === to - from - 1;
    if (contiguous && !all)
      for (let i = from + 1; contiguous && i < to; i++)
        if (rows[i] !== (rows[i - 1] ?? 0) + 1) contiguous = false;
    visit(chunkIndex, { rows, from, to, contiguous, shift: start - from });
    from = to;
  }
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
  forEachChunkRun(rows, (chunkIndex, { from, to }) => {
    const col = table.chunks[chunkIndex]?.columns[columnIndex] as EncodedColumn;
    switch (col.kind) {
      case 'number':
      case 'time': {
        const values = col.values;
        if (col.kind === 'time' && bucket !== undefined) {
          for (let i = from; i < to; i++) {
            const v = values[(rows[i] ?? 0) & CHUNK_MASK] ?? NaN;
            out[i] = v !== v ? v : bucketStart(v, bucket);
          }
        } else for (let i = from; i < to; i++) out[i] = values[(rows[i] ?? 0) & CHUNK_MASK] ?? NaN;
        break;
      }
      case 'boolean': {
        const values = col.values;
        for (let i = from; i < to; i++) {
          const v = values[(rows[i] ?? 0) & CHUNK_MASK] ?? MISSING_BOOLEAN;
          out[i] = v === MISSING_BOOLEAN ? NaN : v;
        }
        break;
      }
      case 'string': {
        const codes = col.codes;
        const map = ranks?.perChunk[chunkIndex] ?? new Uint32Array(0);
        for (let i = from; i < to; i++) {
          const code = codes[(rows[i] ?? 0) & CHUNK_MASK] ?? MISSING_CODE;
          out[i] = code === MISSING_CODE ? NaN : (map[code] ?? NaN);
        }
        break;
      }
    }
  });
  return out;
}
