/**
 * Group-by and pivot over a row selection. Keys are turned into dense integer ids column by
 * column (strings via their rank, time buckets via calendar arithmetic), combined into one
 * group id per row, and aggregates are accumulated into per-group typed arrays. Median and
 * distinct first counting-sort the values into one segment per group; distinct then sorts each
 * segment (native Float64Array sort), median selects its middle values (quickselect). The
 * result is an ordinary Table, so it can be sorted, filtered, profiled, charted and exported
 * like imported data. Groups appear in order of first occurrence; sort the result for any
 * other order. Missing key values form their own group.
 */
import { forEachChunkRun, numericKeys, stringRanks } from './keys';
import type { Run } from './keys';
import { MISSING_BUCKET, bucketNumberStart, bucketNumbers, numberRange } from './cache';
import { tableCell, tableFromValues } from './chunk';
import { CHUNK_MASK, CHUNK_ROWS, MISSING_BOOLEAN, MISSING_CODE, encodingKindOf } from './types';
import type { CellValue, ColumnSchema, ColumnType, EncodedColumn, EncodingKind, Table } from './types';
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
  const c = checkKey(table, key);
  const source = table.columns[c] as ColumnSchema;
  const kind = encodingKindOf(source.type);
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
  return { schema: keySchema(source, key), ids, values };
}

interface Groups {
  readonly count: number;
  /** Group id per selected row. */
  readonly ids: Int32Array;
  /** Position (in the selection) of each group's first row. */
  readonly firstRow: Uint32Array;
}

function combineKeys(keys: readonly KeyColumn[], n: number): Groups {
  const ids = new Int32Array(n);
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

/**
 * Dense integer keys straight from the stored columns, for the common key types: string ranks,
 * booleans, calendar buckets (cached bucket numbers) and integral numbers with a small range.
 * Every key gets ids 0..card-2 for values and card-1 for missing, so a combination of keys is a
 * mixed-radix number that indexes a flat array: grouping is one pass over typed arrays with no
 * Map and no per-row allocation. Undefined when a key does not fit (the general path handles it).
 */
interface DenseKey {
  readonly schema: ColumnSchema;
  /** Number of ids, including the missing id card - 1. */
  readonly card: number;
  /** For a run of rows in one chunk: combo[i - from] = combo[i - from] * card + id(rows[i]). */
  readonly fold: (chunkIndex: number, run: Run, combo: Int32Array) => void;
  readonly decode: (id: number) => CellValue;
}

function keySchema(source: ColumnSchema, key: KeyExpr): ColumnSchema {
  return key.bucket === undefined
    ? { name: source.name, type: source.type }
    : { name: `${source.name} (${key.bucket})`, type: 'date', bucket: key.bucket };
}

function checkKey(table: Table, key: KeyExpr): number {
  const c = columnIndexOf(table, key.column);
  const source = table.columns[c] as ColumnSchema;
  if (key.bucket !== undefined && encodingKindOf(source.type) !== 'time')
    throw new ViewError(
      `"${key.column}" is ${source.type}; only date and datetime columns have ${key.bucket} buckets`,
    );
  return c;
}

function denseKey(table: Table, key: KeyExpr): DenseKey | undefined {
  const c = checkKey(table, key);
  const source = table.columns[c] as ColumnSchema;
  const schema = keySchema(source, key);
  const column = (chunkIndex: number): EncodedColumn => table.chunks[chunkIndex]?.columns[c] as EncodedColumn;
  const kind = encodingKindOf(source.type);
  if (kind === 'string') {
    const ranks = stringRanks(table, c);
    const missing = ranks.sorted.length;
    const card = missing + 1;
    return {
      schema,
      card,
      fold: (chunkIndex, run, combo) => {
        const codes = (column(chunkIndex) as EncodedColumn & { kind: 'string' }).codes;
        foldCodes(combo, card, codes, ranks.perChunk[chunkIndex] ?? new Uint32Array(0), missing, run);
      },
      decode: (id) => ranks.sorted[id] ?? null,
    };
  }
  if (kind === 'boolean') {
    return {
      schema,
      card: 3, // 0 false, 1 true, 2 = MISSING_BOOLEAN
      fold: (chunkIndex, run, combo) => {
        foldBytes(combo, (column(chunkIndex) as EncodedColumn & { kind: 'boolean' }).values, run);
      },
      decode: (id) => (id === MISSING_BOOLEAN ? null : id === 1),
    };
  }
  const timeBucket = key.bucket;
  if (timeBucket !== undefined) {
    const perChunk = table.chunks.map((chunk) =>
      bucketNumbers(chunk.columns[c] as EncodedColumn & { kind: 'time' }, timeBucket),
    );
    const min = Math.min(...perChunk.map((b) => b.min));
    const max = Math.max(...perChunk.map((b) => b.max));
    const card = min === Infinity ? 1 : max - min + 2;
    if (card > DENSE_LIMIT) return undefined;
    const missing = card - 1;
    return {
      schema,
      card,
      fold: (chunkIndex, run, combo) => {
        foldBuckets(combo, card, perChunk[chunkIndex]?.numbers ?? new Int32Array(0), min, missing, run);
      },
      decode: (id) => (id === missing ? null : bucketNumberStart(min + id, timeBucket)),
    };
  }
  const ranges = table.chunks.map((chunk) =>
    numberRange(chunk.columns[c] as EncodedColumn & { kind: 'number' }),
  );
  if (!ranges.every((r) => r.integral)) return undefined;
  const min = Math.min(...ranges.map((r) => r.min));
  const max = Math.max(...ranges.map((r) => r.max));
  const card = min === Infinity ? 1 : max - min + 2;
  if (card > DENSE_LIMIT) return undefined;
  const missing = card - 1;
  return {
    schema,
    card,
    fold: (chunkIndex, run, combo) => {
      const values = (column(chunkIndex) as EncodedColumn & { kind: 'number' | 'time' }).values;
      foldNumbers(combo, card, values, min, missing, run);
    },
    decode: (id) => (id === missing ? null : min + id),
  };
}

/*
 * The fold loops: top-level functions with everything in parameters (no closure context loads
 * in the loop), and a separate loop for consecutive rows so that case has no indirection.
 */

function foldCodes(
  combo: Int32Array,
  card: number,
  codes: Uint32Array,
  map: Uint32Array,
  missing: number,
  run: Run,
): void {
  const { rows, from, to, contiguous, shift } = run;
  const n = to - from;
  if (contiguous) {
    const start = from + shift;
    for (let j = 0; j < n; j++) {
      const code = codes[start + j] ?? MISSING_CODE;
      combo[j] = (combo[j] ?? 0) * card + (code === MISSING_CODE ? missing : (map[code] ?? missing));
    }
  } else
    for (let j = 0; j < n; j++) {
      const code = codes[(rows[from + j] ?? 0) & CHUNK_MASK] ?? MISSING_CODE;
      combo[j] = (combo[j] ?? 0) * card + (code === MISSING_CODE ? missing : (map[code] ?? missing));
    }
}

/** Booleans: the stored byte (0, 1, MISSING_BOOLEAN = 2) is the id. */
function foldBytes(combo: Int32Array, values: Uint8Array, run: Run): void {
  const { rows, from, to, contiguous, shift } = run;
  const n = to - from;
  if (contiguous) {
    const start = from + shift;
    for (let j = 0; j < n; j++) combo[j] = (combo[j] ?? 0) * 3 + (values[start + j] ?? MISSING_BOOLEAN);
  } else
    for (let j = 0; j < n; j++)
      combo[j] = (combo[j] ?? 0) * 3 + (values[(rows[from + j] ?? 0) & CHUNK_MASK] ?? MISSING_BOOLEAN);
}

function foldBuckets(
  combo: Int32Array,
  card: number,
  numbers: Int32Array,
  min: number,
  missing: number,
  run: Run,
): void {
  const { rows, from, to, contiguous, shift } = run;
  const n = to - from;
  if (contiguous) {
    const start = from + shift;
    for (let j = 0; j < n; j++) {
      const b = numbers[start + j] ?? MISSING_BUCKET;
      combo[j] = (combo[j] ?? 0) * card + (b === MISSING_BUCKET ? missing : b - min);
    }
  } else
    for (let j = 0; j < n; j++) {
      const b = numbers[(rows[from + j] ?? 0) & CHUNK_MASK] ?? MISSING_BUCKET;
      combo[j] = (combo[j] ?? 0) * card + (b === MISSING_BUCKET ? missing : b - min);
    }
}

function foldNumbers(
  combo: Int32Array,
  card: number,
  values: Float64Array,
  min: number,
  missing: number,
  run: Run,
): void {
  const { rows, from, to, contiguous, shift } = run;
  const n = to - from;
  if (contiguous) {
    const start = from + shift;
    for (let j = 0; j < n; j++) {
      const v = values[start + j] ?? NaN;
      combo[j] = (combo[j] ?? 0) * card + (v !== v ? missing : v - min);
    }
  } else
    for (let j = 0; j < n; j++) {
      const v = values[(rows[from + j] ?? 0) & CHUNK_MASK] ?? NaN;
      combo[j] = (combo[j] ?? 0) * card + (v !== v ? missing : v - min);
    }
}

/** Turns key combinations into group ids in place, numbering new groups in order of appearance. */
function assignGroups(
  ids: Int32Array,
  groupOf: Int32Array,
  firsts: number[],
  combos: number[],
  base: number,
): void {
  for (let j = 0; j < ids.length; j++) {
    const combo = ids[j] ?? 0;
    let g = groupOf[combo] ?? -1;
    if (g === -1) {
      g = firsts.length;
      groupOf[combo] = g;
      firsts.push(base + j);
      combos.push(combo);
    }
    ids[j] = g;
  }
}

function countGroups(ids: Int32Array, count: Float64Array): void {
  for (let j = 0; j < ids.length; j++) {
    const g = ids[j] ?? 0;
    count[g] = (count[g] ?? 0) + 1;
  }
}

interface GroupedColumns {
  readonly schemas: ColumnSchema[];
  readonly keyValues: CellValue[][];
  readonly aggregates: { schema: ColumnSchema; values: CellValue[] }[];
}

/** Per-chunk scratch, reused across queries: small enough to stay in cache, never re-faulted. */
let chunkIdScratch = new Int32Array(0);
let chunkValueScratch = new Float64Array(0);

/**
 * Group-by on dense keys, one chunk at a time: fold the keys into combination numbers, turn
 * those into group ids (first occurrence order) through a flat array, then feed each simple
 * aggregate straight from the stored Float64Arrays. Only median/distinct and aggregates of
 * string columns need the ids of all rows at once. Undefined if a key or the key product is too
 * wide for a flat array.
 */
function denseGroupRows(table: Table, rows: Uint32Array, spec: GroupBySpec): GroupedColumns | undefined {
  const keys: DenseKey[] = [];
  let product = 1;
  for (const k of spec.keys) {
    const dense = denseKey(table, k);
    if (dense === undefined) return undefined;
    keys.push(dense);
    product *= dense.card;
    if (product > DENSE_LIMIT) return undefined;
  }
  const plans = spec.aggregates.map((a) => aggregatePlan(table, a));
  const direct = plans.map(
    (p) =>
      p.column === undefined ||
      (p.op !== 'median' && p.op !== 'distinct' && (p.kind === 'number' || p.kind === 'time')),
  );
  const n = rows.length;
  const allIds = direct.every(Boolean) ? undefined : new Int32Array(n);
  if (chunkIdScratch.length < CHUNK_ROWS) chunkIdScratch = new Int32Array(CHUNK_ROWS);
  if (chunkValueScratch.length < CHUNK_ROWS) chunkValueScratch = new Float64Array(CHUNK_ROWS);
  const scratch = chunkIdScratch;
  const groupOf = new Int32Array(product).fill(-1);
  const firsts: number[] = [];
  const combos: number[] = [];
  let capacity = 0;
  let counts: Float64Array[] = [];
  let accs: Float64Array[] = [];
  const grow = (size: number): void => {
    const init = (p: AggregatePlan): number => (p.op === 'min' ? Infinity : p.op === 'max' ? -Infinity : 0);
    counts =
      counts.length === 0 ? plans.map(() => new Float64Array(size)) : counts.map((a) => resized(a, size, 0));
    accs =
      accs.length === 0
        ? plans.map((p) => new Float64Array(size).fill(init(p)))
        : accs.map((a, k) => resized(a, size, init(plans[k] as AggregatePlan)));
    capacity = size;
  };
  grow(Math.min(product, 256));
  forEachChunkRun(rows, (chunkIndex, run) => {
    const len = run.to - run.from;
    const ids = scratch.subarray(0, len);
    ids.fill(0);
    for (const k of keys) k.fold(chunkIndex, run, ids);
    assignGroups(ids, groupOf, firsts, combos, run.from);
    if (firsts.length > capacity) grow(Math.min(product, Math.max(firsts.length, capacity * 2)));
    if (allIds !== undefined) allIds.set(ids, run.from);
    plans.forEach((p, k) => {
      if (!(direct[k] ?? false)) return;
      const count = counts[k] as Float64Array;
      if (p.column === undefined) {
        countGroups(ids, count);
        return;
      }
      const col = table.chunks[chunkIndex]?.columns[p.column] as EncodedColumn & { kind: 'number' | 'time' };
      accumulateRun(
        p.op,
        runValues(col.values, run, chunkValueScratch),
        ids,
        0,
        count,
        accs[k] as Float64Array,
      );
    });
  });
  const g = firsts.length;
  const groups: Groups = { count: g, ids: allIds ?? new Int32Array(0), firstRow: Uint32Array.from(firsts) };
  const aggregates = plans.map((p, k) =>
    (direct[k] ?? false)
      ? finishAggregate(p, g, counts[k] as Float64Array, accs[k] as Float64Array)
      : aggregateColumn(table, rows, groups, p),
  );
  const keyValues = keys.map(() => new Array<CellValue>(g));
  for (let id = 0; id < g; id++) {
    let combo = combos[id] ?? 0;
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as DenseKey;
      const keyId = combo % key.card;
      combo = (combo - keyId) / key.card;
      (keyValues[k] as CellValue[])[id] = key.decode(keyId);
    }
  }
  return { schemas: keys.map((k) => k.schema), keyValues, aggregates };
}

function resized(a: Float64Array, size: number, fill: number): Float64Array {
  const out = new Float64Array(size);
  out.set(a);
  out.fill(fill, a.length);
  return out;
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

/**
 * Values of one run's rows as a Float64Array indexed from 0: a view of the stored array when
 * the rows are consecutive (no filter), else gathered into `scratch`.
 */
function runValues(values: Float64Array, run: Run, scratch: Float64Array): Float64Array {
  const { rows, from, to, contiguous, shift } = run;
  if (contiguous) return values.subarray(from + shift, to + shift);
  for (let i = from; i < to; i++) scratch[i - from] = values[(rows[i] ?? 0) & CHUNK_MASK] ?? NaN;
  return scratch.subarray(0, to - from);
}

interface AggregatePlan {
  readonly op: Aggregate['op'];
  readonly name: string;
  readonly type: ColumnType;
  /** Source column index; undefined for a row count. */
  readonly column: number | undefined;
  readonly kind: EncodingKind | undefined;
  /** For string columns: the sorted dictionary min/max ranks refer to. */
  readonly sorted: string[] | undefined;
}

/** Validates an aggregate against the table and resolves its column. */
function aggregatePlan(table: Table, a: Aggregate): AggregatePlan {
  const name = aggregateName(a);
  if (a.column === undefined)
    return { op: a.op, name, type: 'integer', column: undefined, kind: undefined, sorted: undefined };
  const c = columnIndexOf(table, a.column);
  const sourceType = (table.columns[c] as ColumnSchema).type;
  const kind = encodingKindOf(sourceType);
  const numericOnly = a.op === 'sum' || a.op === 'mean' || (a.op === 'median' && kind !== 'time');
  if (numericOnly && kind !== 'number')
    throw new ViewError(`${a.op} needs a numeric column; "${a.column}" is ${sourceType}`);
  if ((a.op === 'min' || a.op === 'max') && kind === 'boolean')
    throw new ViewError(`${a.op} does not apply to boolean column "${a.column}"`);
  const sorted = kind === 'string' ? stringRanks(table, c).sorted : undefined;
  return { op: a.op, name, type: aggregateType(a.op, sourceType), column: c, kind, sorted };
}

/**
 * Adds present values (keys[i], NaN = missing) of group ids[base + i] into count/acc. One loop
 * per operation, so the hot loop has no per-row branch on the operation.
 */
function accumulateRun(
  op: Aggregate['op'],
  keys: Float64Array,
  ids: Int32Array,
  base: number,
  count: Float64Array,
  acc: Float64Array,
): void {
  switch (op) {
    case 'sum':
      // The sum of no values is 0, so a sum needs no count.
      for (let i = 0; i < keys.length; i++) {
        const v = keys[i] ?? NaN;
        if (v !== v) continue;
        const id = ids[base + i] ?? 0;
        acc[id] = (acc[id] ?? 0) + v;
      }
      return;
    case 'mean':
      for (let i = 0; i < keys.length; i++) {
        const v = keys[i] ?? NaN;
        if (v !== v) continue;
        const id = ids[base + i] ?? 0;
        count[id] = (count[id] ?? 0) + 1;
        acc[id] = (acc[id] ?? 0) + v;
      }
      return;
    case 'min':
      for (let i = 0; i < keys.length; i++) {
        const v = keys[i] ?? NaN;
        if (v !== v) continue;
        const id = ids[base + i] ?? 0;
        count[id] = (count[id] ?? 0) + 1;
        if (v < (acc[id] ?? v)) acc[id] = v;
      }
      return;
    case 'max':
      for (let i = 0; i < keys.length; i++) {
        const v = keys[i] ?? NaN;
        if (v !== v) continue;
        const id = ids[base + i] ?? 0;
        count[id] = (count[id] ?? 0) + 1;
        if (v > (acc[id] ?? v)) acc[id] = v;
      }
      return;
    default:
      for (let i = 0; i < keys.length; i++) {
        const v = keys[i] ?? NaN;
        if (v !== v) continue;
        const id = ids[base + i] ?? 0;
        count[id] = (count[id] ?? 0) + 1;
      }
  }
}

function finishAggregate(
  p: AggregatePlan,
  g: number,
  count: Float64Array,
  acc: Float64Array,
): { schema: ColumnSchema; values: CellValue[] } {
  const out = new Array<CellValue>(g).fill(null);
  for (let id = 0; id < g; id++) {
    const n = count[id] ?? 0;
    const v = acc[id] ?? NaN;
    if (p.column === undefined || p.op === 'count') out[id] = n;
    else if (p.op === 'sum')
      out[id] = v; // the sum of no values is 0
    else if (p.op === 'mean') out[id] = n === 0 ? null : v / n;
    else out[id] = n === 0 ? null : p.sorted !== undefined ? (p.sorted[v] ?? null) : v;
  }
  return { schema: { name: p.name, type: p.type }, values: out };
}

/** One aggregate over groups whose ids for every selected row are known (any column kind). */
function aggregateColumn(
  table: Table,
  rows: Uint32Array,
  groups: Groups,
  p: AggregatePlan,
): { schema: ColumnSchema; values: CellValue[] } {
  const g = groups.count;
  const ids = groups.ids;
  const count = new Float64Array(g);
  const acc = new Float64Array(g).fill(p.op === 'min' ? Infinity : p.op === 'max' ? -Infinity : 0);
  if (p.column === undefined) {
    countGroups(ids, count);
    return finishAggregate(p, g, count, acc);
  }
  const c = p.column;
  if (p.op === 'median' || p.op === 'distinct') {
    const out = new Array<CellValue>(g).fill(null);
    const keys = numericKeys(table, c, rows);
    // Distinct over integers in a modest range (string ranks, ids, codes) needs no sort: one
    // "last group seen" mark per possible value. Otherwise distinct sorts each segment; a
    // median needs only its middle one or two values.
    const marks = p.op === 'distinct' ? distinctMarks(keys) : undefined;
    const { offsets, values } = segments(groups, keys, p.op === 'distinct' && marks === undefined);
    for (let id = 0; id < g; id++) {
      const from = offsets[id] ?? 0;
      const to = offsets[id + 1] ?? 0;
      if (marks !== undefined) {
        let d = 0;
        const { seen, min } = marks;
        for (let i = from; i < to; i++) {
          const slot = (values[i] ?? 0) - min;
          if (seen[slot] !== id + 1) {
            seen[slot] = id + 1;
            d++;
          }
        }
        out[id] = d;
      } else if (p.op === 'distinct') {
        let d = 0;
        for (let i = from; i < to; i++) if (i === from || values[i] !== values[i - 1]) d++;
        out[id] = d;
      } else if (to > from) {
        // The values a sort would put at floor/ceil of the middle: select the lower one, after
        // which everything to its right is >= it, so the upper one is the minimum of that part.
        const k = from + Math.floor((to - from - 1) / 2);
        const lower = selectNth(values, from, to - 1, k);
        let upper = lower;
        if ((to - from) % 2 === 0) {
          upper = Infinity;
          for (let i = k + 1; i < to; i++) upper = Math.min(upper, values[i] ?? Infinity);
        }
        out[id] = (lower + upper) / 2;
      }
    }
    return { schema: { name: p.name, type: p.type }, values: out };
  }
  if (p.kind === 'number' || p.kind === 'time') {
    // Straight from the stored Float64Arrays, chunk by chunk: no gathered copy of the column.
    if (chunkValueScratch.length < CHUNK_ROWS) chunkValueScratch = new Float64Array(CHUNK_ROWS);
    forEachChunkRun(rows, (chunkIndex, run) => {
      const col = table.chunks[chunkIndex]?.columns[c] as EncodedColumn & { kind: 'number' | 'time' };
      accumulateRun(p.op, runValues(col.values, run, chunkValueScratch), ids, run.from, count, acc);
    });
  } else accumulateRun(p.op, numericKeys(table, c, rows), ids, 0, count, acc);
  return finishAggregate(p, g, count, acc);
}

/** A zeroed mark per possible value if the present keys are integers in a dense-able range. */
function distinctMarks(keys: Float64Array): { seen: Int32Array; min: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i] ?? NaN;
    if (v !== v) continue;
    if (Math.floor(v) !== v) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { seen: new Int32Array(0), min: 0 };
  if (max - min >= DENSE_LIMIT || max - min > 4 * keys.length) return undefined;
  return { seen: new Int32Array(max - min + 1), min };
}

/** Present values grouped into contiguous segments, each sorted if `sort`. */
function segments(
  groups: Groups,
  keys: Float64Array,
  sort: boolean,
): { offsets: Uint32Array; values: Float64Array } {
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
  if (sort) for (let id = 0; id < groups.count; id++) values.subarray(offsets[id], offsets[id + 1]).sort();
  return { offsets, values };
}

/**
 * Rearranges a[left..right] (inclusive, no NaN) so that a[k] holds the value a sort would put
 * there, everything before it is <= and everything after it >= (Hoare's quickselect with a
 * median-of-three pivot): linear time on average, where sorting a group is n log n.
 */
function selectNth(a: Float64Array, left: number, right: number, k: number): number {
  while (right > left) {
    const x = a[left] ?? 0;
    const y = a[(left + right) >>> 1] ?? 0;
    const z = a[right] ?? 0;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break; // j < k < i: a[k] equals the pivot
  }
  return a[k] ?? NaN;
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
  const { schemas, keyValues, aggregates } =
    denseGroupRows(table, rows, spec) ?? generalGroupRows(table, rows, spec);
  const schema = uniqueNames([...schemas, ...aggregates.map((a) => a.schema)]);
  return tableFromValues(schema, [...keyValues, ...aggregates.map((a) => a.values)]);
}

/** Any key types: per-key ids over the selection (Map for wide keys), then combined. */
function generalGroupRows(table: Table, rows: Uint32Array, spec: GroupBySpec): GroupedColumns {
  const keys = spec.keys.map((k) => keyColumn(table, rows, k));
  const groups = combineKeys(keys, rows.length);
  const keyValues = keys.map((k) => {
    const out = new Array<CellValue>(groups.count);
    for (let id = 0; id < groups.count; id++)
      out[id] = k.values[k.ids[groups.firstRow[id] ?? 0] ?? 0] ?? null;
    return out;
  });
  const aggregates = spec.aggregates.map((a) =>
    aggregateColumn(table, rows, groups, aggregatePlan(table, a)),
  );
  return { schemas: keys.map((k) => k.schema), keyValues, aggregates };
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
