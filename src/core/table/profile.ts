/** Column profile for the side panel: counts, numeric/time summary, top values, histogram. */
import { numericKeys, stringRanks } from './keys';
import { encodingKindOf } from './types';
import type { ColumnType, Table } from './types';
import { allRows } from './view-error';

export interface Histogram {
  /** bins + 1 edges; bin i covers [edges[i], edges[i+1]) and the last bin includes its upper edge. */
  readonly edges: number[];
  readonly counts: number[];
}

export interface ColumnProfile {
  readonly name: string;
  readonly type: ColumnType;
  /** Rows considered. */
  readonly count: number;
  readonly missing: number;
  readonly distinct: number;
  /** numbers and times (epoch ms) */
  readonly min?: number;
  readonly max?: number;
  /** numbers only */
  readonly mean?: number;
  readonly median?: number;
  readonly stdDev?: number;
  readonly q1?: number;
  readonly q3?: number;
  readonly histogram?: Histogram;
  /** strings and booleans: most frequent values, ties in value order. */
  readonly topValues?: { value: string | boolean; count: number }[];
}

/** Quantile by linear interpolation between closest ranks (the common "type 7" definition). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (pos - lo);
}

export function profileColumn(
  table: Table,
  columnIndex: number,
  options: { rows?: Uint32Array; topN?: number; bins?: number } = {},
): ColumnProfile {
  const column = table.columns[columnIndex];
  if (column === undefined) throw new RangeError(`no column ${columnIndex}`);
  const rows = options.rows ?? allRows(table);
  const keys = numericKeys(table, columnIndex, rows);
  const present = keys.filter((v) => v === v).sort();
  const kind = encodingKindOf(column.type);
  let distinct = 0;
  for (let i = 0; i < present.length; i++) if (i === 0 || present[i] !== present[i - 1]) distinct++;
  const base = {
    name: column.name,
    type: column.type,
    count: rows.length,
    missing: rows.length - present.length,
    distinct,
  };
  if (kind === 'string' || kind === 'boolean') {
    const sorted = kind === 'string' ? stringRanks(table, columnIndex).sorted : undefined;
    const runs: { value: string | boolean; count: number }[] = [];
    for (let i = 0; i < present.length;) {
      let j = i;
      while (j < present.length && present[j] === present[i]) j++;
      const key = present[i] ?? 0;
      runs.push({ value: sorted !== undefined ? (sorted[key] ?? '') : key === 1, count: j - i });
      i = j;
    }
    runs.sort((a, b) => b.count - a.count); // stable: ties stay in value order
    return { ...base, topValues: runs.slice(0, options.topN ?? 20) };
  }
  if (present.length === 0) return base;
  const min = present[0] ?? NaN;
  const max = present[present.length - 1] ?? NaN;
  const histogram = buildHistogram(present, min, max, options.bins ?? 20);
  if (kind === 'time') return { ...base, min, max, histogram };
  let sum = 0;
  for (const v of present) sum += v;
  const mean = sum / present.length;
  let squares = 0;
  for (const v of present) squares += (v - mean) * (v - mean);
  return {
    ...base,
    min,
    max,
    mean,
    // Sample standard deviation (n - 1), as spreadsheets' STDEV.
    stdDev: present.length > 1 ? Math.sqrt(squares / (present.length - 1)) : 0,
    median: quantile(present, 0.5),
    q1: quantile(present, 0.25),
    q3: quantile(present, 0.75),
    histogram,
  };
}

function buildHistogram(sorted: Float64Array, min: number, max: number, bins: number): Histogram {
  const n = max === min ? 1 : bins;
  const width = (max - min) / n;
  const edges = Array.from({ length: n + 1 }, (_, i) => (i === n ? max : min + i * width));
  const counts = new Array<number>(n).fill(0);
  for (const v of sorted) {
    const b = width === 0 ? 0 : Math.min(n - 1, Math.floor((v - min) / width));
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return { edges, counts };
}
