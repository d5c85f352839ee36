/**
 * Group-by and pivot over a row selection. Keys are turned into dense integer ids column by
 * column (strings via their rank, time buckets via calendar arithmetic), combined into one
 * group id per row, and aggregates are accumulated into per-group typed arrays. Median and
 * distinct sort each group's values once (counting-sort into segments, then a native
 * Float64Array sort per segment). The result is an ordinary Table, so it can be sorted,
 * filtered, profiled, charted and exported like imported data. Groups appear in order of
 * first occurrence; sort the result for any other order. Missing key values form their own group.
 */
import { numericKeys, stringRanks } from './keys';
import { tableCell, tableFromValues } from './chunk';
import { encodingKindOf } from './types';
import type { CellValue, ColumnSchema, ColumnType, Table } from './types';
import type { Aggregate, GroupBySpec, KeyExpr, PivotSpec } from './view-spec';
import { ViewError, columnIndexOf } from './view-error';
import { formatCell } from './format';
import { MS_PER_DAY } from './civil';

const DENSE_LIMIT = 1 << 22;

interface KeyColumn {
  readonly schema: ColumnSchema;
  /** Dense id per selected row. */
  readonly ids: Uint32Array;
  /** Decoded key value per id. */
  readonly values: CellValue[];
}

function keyColumn(table: Table, rows: Uint32Array, key: KeyExpr): KeyColumn {
  const c = columnIndexOf(table, key.column);
  const source = table.columns[c] as ColumnSchema;
  const kind = encodingKindOf(source.type);
  if (key.bucket !== undefined && kind !== 'time')
    throw new ViewError(
      `"${key.column}" is ${source.type}; only date and datetime columns have ${key.bucket} buckets`,
    );
  const keys = numericKeys(table, c, rows, key.bucket);
  const sorted = kind === 'string' ? stringRanks(table, c).sorted : undefined;
  const ids = new Uint32Array(rows.length);
  const values: CellValue[] = [];
  const decode = (k: number): CellValue =>
    kind === 'string' ? (sorted?.[k] ?? null) : kind === 'boolean' ? k === 1 : k;
  let missingId = -1;
  const missing = (): number => {
    if (missingId === -1) {
      missingId = values.length;
      values.push(null);
    }
    return missingId;
  };
  // Ranks, booleans and day buckets are small integers: a dense lookup table beats a Map per row.
  const scale = key.bucket === undefined ? 1 : MS_PER_DAY;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < keys.length; i++) {
    const k = (keys[i] ?? NaN) / scale;
    if (k !== k) continue;
    if (!Number.isInteger(k)) integral = false;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (integral && (max - min < DENSE_LIMIT || min === Infinity)) {
    const lookup = new Int32Array(min === Infinity ? 0 : max - min + 1).fill(-1);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] ?? NaN;
      if (k !== k) {
        ids[i] = missing();
        continue;
      }
      const slot = k / scale - min;
      let id = lookup[slot] ?? -1;
      if (id === -1) {
        id = values.length;
        lookup[slot] = id;
        values.push(decode(k));
      }
      ids[i] = id;
    }
  } else {
    const idOf = new Map<number, number>();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] ?? NaN;
      if (k !== k) {
        ids[i] = missing();
        continue;
      }
      let id = idOf.get(k);
      if (id === undefined) {
        id = values.length;
        idOf.set(k, id);
        values.push(decode(k));
      }
      ids[i] = id;
    }
  }
  const name = key.bucket === undefined ? source.name : `${source.name} (${key.bucket})`;
  const schema: ColumnSchema =
    key.bucket === undefined ? { name, type: source.type } : { name, type: 'date', bucket: key.bucket };
  return { schema, ids, values };
}

interface Groups {
  readonly count: number;
  /** Group id per selected row. */
  readonly ids: Uint32Array;
  /** Position (in the selection) of each group's first row. */
  readonly firstRow: Uint32Array;
}

function combineKeys(keys: readonly KeyColumn[], n: number): Groups {
  const ids = new Uint32Array(n);
  const firsts: number[] = [];
  const cards = keys.map((k) => k.values.length);
  const product = cards.reduce((a, b) => a * b, 1);
  if (product > Number.MAX_SAFE_INTEGER) throw new ViewError('too many key combinations to group by');
  const dense = product <= DENSE_LIMIT ? new Int32Array(product).fill(-1) : undefined;
  const groupOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let composite = 0;
    for (let k = 0; k < keys.length; k++) composite = composite * (cards[k] ?? 1) + (keys[k]?.ids[i] ?? 0);
    let g = dense !== undefined ? dense[composite] : groupOf.get(composite);
    if (g === undefined || g === -1) {
      g = firsts.length;
      if (dense !== undefined) dense[composite] = g;
      else groupOf.set(composite, g);
      firsts.push(i);
    }
    ids[i] = g;
  }
  return { count: firsts.length, ids, firstRow: Uint32Array.from(firsts) };
}

function aggregateName(a: Aggregate): string {
  if (a.as !== undefined) return a.as;
  return a.column === undefined ? 'count' : `${a.op}(${a.column})`;
}

function aggregateType(op: Aggregate['op'], source: ColumnType | undefined): ColumnType {
  switch (op) {
    case 'count':
    case 'distinct':
      return 'integer';
    case 'sum':
      return source === 'integer' ? 'integer' : 'decimal';
    case 'mean':
    case 'median':
      return source === 'date' || source === 'datetime' ? source : 'decimal';
    case 'min':
    case 'max':
      return source ?? 'decimal';
  }
}

function aggregateColumn(
  table: Table,
  rows: Uint32Array,
  groups: Groups,
  a: Aggregate,
): { schema: ColumnSchema; values: CellValue[] } {
  const name = aggregateName(a);
  const g = groups.count;
  if (a.column === undefined) {
    const counts = new Array<CellValue>(g).fill(0);
    for (let i = 0; i < rows.length; i++) {
      const id = groups.ids[i] ?? 0;
      counts[id] = (counts[id] as number) + 1;
    }
    return { schema: { name, type: 'integer' }, values: counts };
  }
  const c = columnIndexOf(table, a.column);
  const sourceType = (table.columns[c] as ColumnSchema).type;
  const kind = encodingKindOf(sourceType);
  const numericOnly = a.op === 'sum' || a.op === 'mean' || (a.op === 'median' && kind !== 'time');
  if (numericOnly && kind !== 'number')
    throw new ViewError(`${a.op} needs a numeric column; "${a.column}" is ${sourceType}`);
  if ((a.op === 'min' || a.op === 'max') && kind === 'boolean')
    throw new ViewError(`${a.op} does not apply to boolean column "${a.column}"`);
  const keys = numericKeys(table, c, rows);
  const type = aggregateType(a.op, sourceType);
  const sorted = kind === 'string' ? stringRanks(table, c).sorted : undefined;
  const out = new Array<CellValue>(g).fill(null);

  if (a.op === 'median' || a.op === 'distinct') {
    const { offsets, values } = segments(groups, keys);
    for (let id = 0; id < g; id++) {
      const from = offsets[id] ?? 0;
      const to = offsets[id + 1] ?? 0;
      if (a.op === 'distinct') {
        let d = 0;
        for (let i = from; i < to; i++) if (i === from || values[i] !== values[i - 1]) d++;
        out[id] = d;
      } else if (to > from) {
        const mid = (from + to - 1) / 2;
        out[id] = ((values[Math.floor(mid)] ?? NaN) + (values[Math.ceil(mid)] ?? NaN)) / 2;
      }
    }
    return { schema: { name, type }, values: out };
  }

  const count = new Float64Array(g);
  const acc = new Float64Array(g).fill(a.op === 'min' ? Infinity : a.op === 'max' ? -Infinity : 0);
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i] ?? NaN;
    if (v !== v) continue;
    const id = groups.ids[i] ?? 0;
    count[id] = (count[id] ?? 0) + 1;
    if (a.op === 'sum' || a.op === 'mean') acc[id] = (acc[id] ?? 0) + v;
    else if (a.op === 'min') acc[id] = Math.min(acc[id] ?? v, v);
    else if (a.op === 'max') acc[id] = Math.max(acc[id] ?? v, v);
  }
  for (let id = 0; id < g; id++) {
    const n = count[id] ?? 0;
    const v = acc[id] ?? NaN;
    switch (a.op) {
      case 'count':
        out[id] = n;
        break;
      case 'sum':
        out[id] = v; // the sum of no values is 0
        break;
      case 'mean':
        out[id] = n === 0 ? null : v / n;
        break;
      default:
        out[id] = n === 0 ? null : sorted !== undefined ? (sorted[v] ?? null) : v;
    }
  }
  return { schema: { name, type }, values: out };
}

/** Present values grouped into contiguous, individually sorted segments. */
function segments(groups: Groups, keys: Float64Array): { offsets: Uint32Array; values: Float64Array } {
  const offsets = new Uint32Array(groups.count + 1);
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i] ?? NaN;
    if (v === v) {
      const id = (groups.ids[i] ?? 0) + 1;
      offsets[id] = (offsets[id] ?? 0) + 1;
    }
  }
  for (let id = 0; id < groups.count; id++) offsets[id + 1] = (offsets[id + 1] ?? 0) + (offsets[id] ?? 0);
  const fill = offsets.slice(0, groups.count);
  const values = new Float64Array(offsets[groups.count] ?? 0);
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i] ?? NaN;
    if (v !== v) continue;
    const id = groups.ids[i] ?? 0;
    values[fill[id] ?? 0] = v;
    fill[id] = (fill[id] ?? 0) + 1;
  }
  for (let id = 0; id < groups.count; id++) values.subarray(offsets[id], offsets[id + 1]).sort();
  return { offsets, values };
}

function uniqueNames(schemas: ColumnSchema[]): ColumnSchema[] {
  const seen = new Set<string>();
  return schemas.map((s) => {
    let name = s.name;
    for (let k = 2; seen.has(name); k++) name = `${s.name}_${k}`;
    seen.add(name);
    return name === s.name ? s : { ...s, name };
  });
}

export function groupRows(table: Table, rows: Uint32Array, spec: GroupBySpec): Table {
  const keys = spec.keys.map((k) => keyColumn(table, rows, k));
  const groups = combineKeys(keys, rows.length);
  const keyValues = keys.map((k) => {
    const out = new Array<CellValue>(groups.count);
    for (let id = 0; id < groups.count; id++)
      out[id] = k.values[k.ids[groups.firstRow[id] ?? 0] ?? 0] ?? null;
    return out;
  });
  const aggregates = spec.aggregates.map((a) => aggregateColumn(table, rows, groups, a));
  const schema = uniqueNames([...keys.map((k) => k.schema), ...aggregates.map((a) => a.schema)]);
  return tableFromValues(schema, [...keyValues, ...aggregates.map((a) => a.values)]);
}

export interface PivotResult {
  readonly table: Table;
  /** Column-key values left out because of maxColumns. */
  readonly droppedColumns: number;
}

/**
 * One row per `rows` key value, one column per `columns` key value (in sorted order, missing
 * last), each cell the aggregate of the rows with both keys; no rows → missing.
 */
export function pivotRows(table: Table, rows: Uint32Array, spec: PivotSpec): PivotResult {
  const grouped = groupRows(table, rows, { keys: [spec.rows, spec.columns], aggregates: [spec.aggregate] });
  const rowKeySchema = grouped.columns[0] as ColumnSchema;
  const colKeySchema = grouped.columns[1] as ColumnSchema;
  const valueSchema = grouped.columns[2] as ColumnSchema;
  const distinctSorted = (c: number): CellValue[] => {
    const set = new Set<CellValue>();
    for (let r = 0; r < grouped.rowCount; r++) set.add(tableCell(grouped, c, r));
    return [...set].sort(compareCells);
  };
  const rowValues = distinctSorted(0);
  const allColumnValues = distinctSorted(1);
  const columnValues = allColumnValues.slice(0, spec.maxColumns);
  const rowIndex = new Map(rowValues.map((v, i) => [v, i]));
  const colIndex = new Map(columnValues.map((v, i) => [v, i]));
  const cells = columnValues.map(() => new Array<CellValue>(rowValues.length).fill(null));
  for (let r = 0; r < grouped.rowCount; r++) {
    const ci = colIndex.get(tableCell(grouped, 1, r));
    const ri = rowIndex.get(tableCell(grouped, 0, r));
    if (ci === undefined || ri === undefined) continue;
    const column = cells[ci];
    if (column !== undefined) column[ri] = tableCell(grouped, 2, r);
  }
  const schema = uniqueNames([
    rowKeySchema,
    ...columnValues.map((v) => ({
      name: v === null ? '(missing)' : formatCell(v, colKeySchema),
      type: valueSchema.type,
    })),
  ]);
  return {
    table: tableFromValues(schema, [rowValues, ...cells]),
    droppedColumns: allColumnValues.length - columnValues.length,
  };
}

function compareCells(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
