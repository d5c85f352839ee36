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
    // LSD over the keys, last key first: each pass is a stable sort, so earlier keys win and
    // full ties keep the incoming order, exactly as `compare` orders them.
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let k = keys.length - 1; k >= 0; k--)
      order = stableSortBy(order, keys[k] as Float64Array, signs[k] ?? 1, table);
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

/** Whether the platform stores a double's low word first (true on every current target). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Stable sort of positions `order` by key[position], ascending (sign 1) or descending (-1),
 * missing (NaN) last either way: a stable partition of the missing ones to the end, then an
 * LSD radix sort (16-bit digits) of the present keys' order-preserving 64-bit patterns. Linear
 * time and no comparator calls, where Array.prototype.sort with a comparator costs
 * ~20 comparator calls per row on a million rows.
 */
function stableSortBy(order: Uint32Array, key: Float64Array, sign: number, table: Table): Uint32Array {
  const n = order.length;
  let m = 0;
  for (let j = 0; j < n; j++) if ((key[order[j] ?? 0] ?? NaN) === (key[order[j] ?? 0] ?? NaN)) m++;
  const scratch = radixScratch(table, m);
  const values = scratch.values.subarray(0, m);
  let pos = scratch.pos.subarray(0, m);
  const out = new Uint32Array(n);
  for (let j = 0, p = 0, q = m; j < n; j++) {
    const at = order[j] ?? 0;
    const v = key[at] ?? NaN;
    if (v !== v) out[q++] = at;
    else {
      values[p] = v + 0; // -0 and 0 compare equal, so give them one bit pattern
      pos[p++] = at;
    }
  }
  const words = new Uint32Array(values.buffer, 0, 2 * m);
  let hi = scratch.hi.subarray(0, m);
  let lo = scratch.lo.subarray(0, m);
  const h = LITTLE_ENDIAN ? 1 : 0;
  const flip = sign < 0 ? 0xffffffff : 0;
  for (let p = 0; p < m; p++) {
    let a = words[2 * p + h] ?? 0;
    let b = words[2 * p + 1 - h] ?? 0;
    // IEEE 754 → unsigned order: negatives reversed (all bits flipped), positives above them.
    if (a >>> 31 === 1) {
      a = ~a;
      b = ~b;
    } else a = a | 0x80000000;
    hi[p] = (a ^ flip) >>> 0;
    lo[p] = (b ^ flip) >>> 0;
  }
  let hi2 = scratch.hi2.subarray(0, m);
  let lo2 = scratch.lo2.subarray(0, m);
  let pos2 = scratch.pos2.subarray(0, m);
  // 16-bit digits, 4 passes: measured faster here than 11-bit (6 passes) or 8-bit (8 passes).
  const counts = new Uint32Array(1 << 16);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    const mask = 0xffff;
    counts.fill(0);
    for (let p = 0; p < m; p++) {
      const d = ((word[p] ?? 0) >>> shift) & mask;
      counts[d] = (counts[d] ?? 0) + 1;
    }
    if (m === 0 || counts[((word[0] ?? 0) >>> shift) & mask] === m) continue; // one digit value: nothing moves
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d] ?? 0;
      counts[d] = sum;
      sum += c;
    }
    for (let p = 0; p < m; p++) {
      const d = ((word[p] ?? 0) >>> shift) & mask;
      const to = counts[d] ?? 0;
      counts[d] = to + 1;
      hi2[to] = hi[p] ?? 0;
      lo2[to] = lo[p] ?? 0;
      pos2[to] = pos[p] ?? 0;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [pos, pos2] = [pos2, pos];
  }
  out.set(pos);
  return out;
}

interface RadixScratch {
  readonly values: Float64Array;
  readonly pos: Uint32Array;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly pos2: Uint32Array;
  readonly hi2: Uint32Array;
  readonly lo2: Uint32Array;
}

const scratchByTable = new WeakMap<Table, RadixScratch>();

/**
 * Working arrays reused across sorts of one table (~30 bytes per row, grown to the largest
 * selection sorted): allocating them afresh costs more in page faults than the radix passes
 * themselves. Held per table, so they are freed with it.
 */
function radixScratch(table: Table, m: number): RadixScratch {
  let scratch = scratchByTable.get(table);
  if (scratch === undefined || scratch.pos.length < m) {
    scratch = {
      values: new Float64Array(m),
      pos: new Uint32Array(m),
      hi: new Uint32Array(m),
      lo: new Uint32Array(m),
      pos2: new Uint32Array(m),
      hi2: new Uint32Array(m),
      lo2: new Uint32Array(m),
    };
    scratchByTable.set(table, scratch);
  }
  return scratch;
}
