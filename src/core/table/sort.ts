/**
 * Stable multi-column sort of a row selection. Missing values sort last in both directions;
 * ties fall back to the next key and finally to the original order. With `limit` only the
 * first rows are needed, and a bounded heap (O(n log k)) replaces the full sort.
 */
import { numericKeys } from './keys';
import type { Table } from './types';
import type { SortKey } from './view-spec';
import { columnIndexOf } from './view-error';

export function sortRows(
  table: Table,
  rows: Uint32Array,
  sort: readonly SortKey[],
  limit?: number,
): Uint32Array {
  if (sort.length === 0) return limit === undefined ? rows : rows.slice(0, limit);
  const keys = sort.map((k) => numericKeys(table, columnIndexOf(table, k.column), rows));
  const signs = sort.map((k) => (k.direction === 'asc' ? 1 : -1));
  const compare = (a: number, b: number): number => {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as Float64Array;
      const x = key[a] ?? NaN;
      const y = key[b] ?? NaN;
      if (x === y || (x !== x && y !== y)) continue; // equal, or both missing
      if (x !== x) return 1; // missing last in either direction
      if (y !== y) return -1;
      return x < y ? -(signs[k] ?? 1) : (signs[k] ?? 1);
    }
    return a - b; // positions in `rows`, so ties keep the incoming order
  };
  const n = rows.length;
  let order: Uint32Array;
  if (limit !== undefined && limit < n / 8) order = topK(n, limit, compare);
  else {
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort(compare);
    if (limit !== undefined) order = order.subarray(0, limit);
  }
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = rows[order[i] ?? 0] ?? 0;
  return out;
}

/** The k smallest positions under `compare`, sorted; a max-heap keeps the current k best. */
function topK(n: number, k: number, compare: (a: number, b: number) => number): Uint32Array {
  if (k <= 0) return new Uint32Array(0);
  const heap = new Uint32Array(k);
  let size = 0;
  const siftUp = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i] ?? 0, heap[parent] ?? 0) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent] ?? 0, heap[i] ?? 0];
      i = parent;
    }
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < size && compare(heap[l] ?? 0, heap[largest] ?? 0) > 0) largest = l;
      if (r < size && compare(heap[r] ?? 0, heap[largest] ?? 0) > 0) largest = r;
      if (largest === i) return;
      [heap[i], heap[largest]] = [heap[largest] ?? 0, heap[i] ?? 0];
      i = largest;
    }
  };
  for (let i = 0; i < n; i++) {
    if (size < k) {
      heap[size++] = i;
      siftUp(size - 1);
    } else if (compare(i, heap[0] ?? 0) < 0) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.subarray(0, size).sort(compare);
}
