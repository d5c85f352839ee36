/**
 * Filter evaluation, column at a time. Each condition fills a byte mask over all rows; groups
 * AND/OR their children's masks. String conditions are decided once per dictionary entry of a
 * chunk and then looked up per row, so `contains` costs one test per distinct string.
 *
 * Semantics: empty groups are ignored (see isEmptyGroup); a missing cell matches only `isMissing`; every value operator (including
 * `notEquals`) is false on missing, as in SQL. String comparisons (<, between) use UTF-16 code
 * unit order; `contains` and `startsWith` ignore letter case; `equals`/`inList` are exact.
 */
import { CHUNK_ROWS, CHUNK_SHIFT, MISSING_BOOLEAN, MISSING_CODE, encodingKindOf } from './types';
import type { ColumnType, EncodedColumn, Table, TableChunk } from './types';
import { parseAs, parseDateTime } from './values';
import type { FilterCondition, FilterGroup, FilterLiteral } from './view-spec';
import { ViewError, columnIndexOf } from './view-error';

/** Row indices (ascending) of rows matching the filter. */
export function filterRows(table: Table, filter: FilterGroup): Uint32Array {
  if (isEmptyGroup(filter)) return selectAll(table.rowCount);
  // Compile first: literals are parsed (and rejected) once, whatever the number of chunks.
  const compiled = compileGroup(table, filter);
  let matched = matchScratch.get(table);
  if (matched === undefined || matched.length < table.rowCount + 1) {
    matched = new Uint32Array(table.rowCount + 1);
    matchScratch.set(table, matched);
  }
  let count = 0;
  for (const chunk of table.chunks) {
    const mask = evaluateGroup(chunk, compiled, 0);
    const base = chunk.index << CHUNK_SHIFT;
    // Branch-free compaction: always write, advance only on a match.
    for (let i = 0; i < mask.length; i++) {
      matched[count] = base + i;
      count += mask[i] ?? 0;
    }
  }
  return matched.slice(0, count);
}

/**
 * Scratch reused across queries, so a warm filter does not allocate (and page-fault) a fresh
 * row-sized mask per condition: one chunk-sized (64 KiB) mask per nesting depth, and a
 * row-sized match list per table (freed with the table).
 */
const maskPool: Uint8Array[] = [];
const matchScratch = new WeakMap<Table, Uint32Array>(); // per table, so freed with it

function maskAt(depth: number, n: number): Uint8Array {
  let mask = maskPool[depth];
  if (mask === undefined) {
    mask = new Uint8Array(CHUNK_ROWS);
    maskPool[depth] = mask;
  }
  return mask.subarray(0, n);
}

function selectAll(n: number): Uint32Array {
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/**
 * A group with no conditions (only empty groups, or nothing) is ignored by its parent, and at
 * the top matches every row: an empty group in the filter editor must not hide all data.
 */
export function isEmptyGroup(group: FilterGroup): boolean {
  return group.children.every((c) => c.kind === 'group' && isEmptyGroup(c));
}

interface CompiledGroup {
  readonly kind: 'group';
  readonly isAnd: boolean;
  /** Non-empty children only (a non-empty group has at least one). */
  readonly children: readonly Compiled[];
}

type Compiled =
  | CompiledGroup
  | {
      readonly kind: 'number';
      readonly column: number;
      readonly op: FilterCondition['op'];
      readonly x: number;
      readonly y: number;
      /** For operators without a dedicated loop. */
      readonly test: NumberTest;
    }
  | { readonly kind: 'boolean'; readonly column: number; readonly table: Uint8Array }
  | { readonly kind: 'string'; readonly column: number; readonly test: StringTest | 'missing' | 'present' };

function compileGroup(table: Table, group: FilterGroup): CompiledGroup {
  const children: Compiled[] = [];
  for (const child of group.children) {
    if (child.kind === 'group') {
      if (!isEmptyGroup(child)) children.push(compileGroup(table, child));
    } else children.push(compileCondition(table, child));
  }
  return { kind: 'group', isAnd: group.combinator === 'and', children };
}

function compileCondition(table: Table, cond: FilterCondition): Compiled {
  const column = columnIndexOf(table, cond.column);
  const type = table.columns[column]?.type ?? 'text';
  switch (encodingKindOf(type)) {
    case 'number':
    case 'time': {
      const test = numberTest(cond, type); // validates the literals
      const lit = (v: FilterLiteral | undefined): number =>
        v === undefined ? NaN : (literalAs(v, type, cond.column) as number);
      // Only the operators with a dedicated loop read x/y; numberTest already parsed them.
      const usesValue = ['equals', 'lessThan', 'lessOrEqual', 'greaterThan', 'greaterOrEqual'].includes(
        cond.op,
      );
      const x = cond.op === 'between' ? lit(cond.range?.[0]) : usesValue ? lit(cond.value) : NaN;
      const y = cond.op === 'between' ? lit(cond.range?.[1]) : NaN;
      return { kind: 'number', column, op: cond.op, x, y, test };
    }
    case 'boolean':
      return { kind: 'boolean', column, table: booleanTest(cond, type) };
    case 'string':
      return { kind: 'string', column, test: stringTest(cond, type) };
  }
}

/** The group's mask over one chunk (0/1 per row), in the pool slot for `depth`. */
function evaluateGroup(chunk: TableChunk, group: CompiledGroup, depth: number): Uint8Array {
  const n = chunk.rowCount;
  const out = maskAt(depth, n);
  let first = true;
  for (const child of group.children) {
    const mask = evaluate(chunk, child, depth + 1, first ? out : maskAt(depth + 1, n));
    if (first) {
      if (mask !== out) out.set(mask);
      first = false;
    } else if (group.isAnd) for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) & (mask[i] ?? 0);
    else for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) | (mask[i] ?? 0);
  }
  return out;
}

/** Evaluates a condition into `into`, or a group into its own slot at `depth`. */
function evaluate(chunk: TableChunk, node: Compiled, depth: number, into: Uint8Array): Uint8Array {
  if (node.kind === 'group') return evaluateGroup(chunk, node, depth);
  const column = chunk.columns[node.column] as EncodedColumn;
  const n = chunk.rowCount;
  if (node.kind === 'number') {
    numberMask(
      (column as EncodedColumn & { kind: 'number' | 'time' }).values,
      n,
      node.op,
      node.x,
      node.y,
      node.test,
      into,
    );
  } else if (node.kind === 'boolean') {
    const values = (column as EncodedColumn & { kind: 'boolean' }).values;
    const t = node.table;
    for (let i = 0; i < n; i++) into[i] = t[values[i] ?? MISSING_BOOLEAN] ?? 0;
  } else {
    const { codes, dictionary } = column as EncodedColumn & { kind: 'string' };
    const test = node.test;
    if (test === 'missing' || test === 'present') {
      const wantMissing = test === 'missing';
      for (let i = 0; i < n; i++) into[i] = Number((codes[i] === MISSING_CODE) === wantMissing);
    } else {
      // Decide once per dictionary entry of the chunk, then look up per row.
      const matches = new Uint8Array(dictionary.length);
      for (let d = 0; d < dictionary.length; d++) matches[d] = test(dictionary[d] ?? '') ? 1 : 0;
      for (let i = 0; i < n; i++) into[i] = matches[codes[i] ?? MISSING_CODE] ?? 0; // missing: out of range → 0
    }
  }
  return into;
}

/**
 * One loop per common operator: NaN (missing) compares false, as the operators require.
 * Number(comparison) rather than `? 1 : 0`: V8 compiles it without a branch, which is 3-4x
 * faster on data where the outcome is unpredictable.
 */
function numberMask(
  values: Float64Array,
  n: number,
  op: FilterCondition['op'],
  x: number,
  y: number,
  test: NumberTest,
  out: Uint8Array,
): void {
  switch (op) {
    case 'equals':
      for (let i = 0; i < n; i++) out[i] = Number((values[i] ?? NaN) === x);
      return;
    case 'lessThan':
      for (let i = 0; i < n; i++) out[i] = Number((values[i] ?? NaN) < x);
      return;
    case 'lessOrEqual':
      for (let i = 0; i < n; i++) out[i] = Number((values[i] ?? NaN) <= x);
      return;
    case 'greaterThan':
      for (let i = 0; i < n; i++) out[i] = Number((values[i] ?? NaN) > x);
      return;
    case 'greaterOrEqual':
      for (let i = 0; i < n; i++) out[i] = Number((values[i] ?? NaN) >= x);
      return;
    case 'between':
      for (let i = 0; i < n; i++) {
        const v = values[i] ?? NaN;
        out[i] = Number(v >= x) & Number(v <= y);
      }
      return;
    default:
      for (let i = 0; i < n; i++) out[i] = Number(test(values[i] ?? NaN));
  }
}

type NumberTest = (v: number) => boolean;

function literalAs(
  value: FilterLiteral | undefined,
  type: ColumnType,
  column: string,
): number | boolean | string {
  if (value === undefined) throw new ViewError(`filter on "${column}" is missing its value`);
  const kind = encodingKindOf(type);
  if (kind === 'string') return String(value);
  if (kind === 'time' && typeof value === 'number') return value;
  if (kind === 'number' && typeof value === 'number') return value;
  if (kind === 'boolean' && typeof value === 'boolean') return value;
  const parsed =
    kind === 'time'
      ? parseDateTime(String(value).trim())
      : parseAs(String(value), kind === 'number' ? 'decimal' : type);
  if (parsed === undefined || (typeof parsed === 'number' && Number.isNaN(parsed)))
    throw new ViewError(`"${String(value)}" is not a valid ${type} for column "${column}"`);
  return parsed;
}

function numberTest(cond: FilterCondition, type: ColumnType): NumberTest {
  const lit = (v: FilterLiteral | undefined): number => literalAs(v, type, cond.column) as number;
  switch (cond.op) {
    case 'equals': {
      const x = lit(cond.value);
      return (v) => v === x;
    }
    case 'notEquals': {
      const x = lit(cond.value);
      return (v) => v === v && v !== x; // v === v excludes NaN (missing)
    }
    case 'lessThan': {
      const x = lit(cond.value);
      return (v) => v < x;
    }
    case 'lessOrEqual': {
      const x = lit(cond.value);
      return (v) => v <= x;
    }
    case 'greaterThan': {
      const x = lit(cond.value);
      return (v) => v > x;
    }
    case 'greaterOrEqual': {
      const x = lit(cond.value);
      return (v) => v >= x;
    }
    case 'between': {
      const lo = lit(cond.range?.[0]);
      const hi = lit(cond.range?.[1]);
      return (v) => v >= lo && v <= hi;
    }
    case 'inList': {
      const set = new Set((cond.values ?? []).map((v) => lit(v)));
      return (v) => set.has(v);
    }
    case 'isMissing':
      return (v) => v !== v;
    case 'isNotMissing':
      return (v) => v === v;
    case 'contains':
    case 'startsWith':
      throw new ViewError(
        `"${cond.op}" applies to text and category columns, not ${type} ("${cond.column}")`,
      );
  }
}

type StringTest = (s: string) => boolean;

function stringTest(cond: FilterCondition, type: ColumnType): StringTest | 'missing' | 'present' {
  const lit = (v: FilterLiteral | undefined): string => literalAs(v, type, cond.column) as string;
  switch (cond.op) {
    case 'equals': {
      const x = lit(cond.value);
      return (s) => s === x;
    }
    case 'notEquals': {
      const x = lit(cond.value);
      return (s) => s !== x;
    }
    case 'lessThan': {
      const x = lit(cond.value);
      return (s) => s < x;
    }
    case 'lessOrEqual': {
      const x = lit(cond.value);
      return (s) => s <= x;
    }
    case 'greaterThan': {
      const x = lit(cond.value);
      return (s) => s > x;
    }
    case 'greaterOrEqual': {
      const x = lit(cond.value);
      return (s) => s >= x;
    }
    case 'between': {
      const lo = lit(cond.range?.[0]);
      const hi = lit(cond.range?.[1]);
      return (s) => s >= lo && s <= hi;
    }
    case 'contains': {
      const x = lit(cond.value).toLowerCase();
      return (s) => s.toLowerCase().includes(x);
    }
    case 'startsWith': {
      const x = lit(cond.value).toLowerCase();
      return (s) => s.toLowerCase().startsWith(x);
    }
    case 'inList': {
      const set = new Set((cond.values ?? []).map((v) => lit(v)));
      return (s) => set.has(s);
    }
    case 'isMissing':
      return 'missing';
    case 'isNotMissing':
      return 'present';
  }
}

/** Result per stored byte (0 false, 1 true, 2 missing). */
function booleanTest(cond: FilterCondition, type: ColumnType): Uint8Array {
  const lit = (v: FilterLiteral | undefined): number =>
    (literalAs(v, type, cond.column) as boolean) ? 1 : 0;
  const t = new Uint8Array(3);
  switch (cond.op) {
    case 'equals':
      t[lit(cond.value)] = 1;
      return t;
    case 'notEquals':
      t[1 - lit(cond.value)] = 1;
      return t;
    case 'inList':
      for (const v of cond.values ?? []) t[lit(v)] = 1;
      return t;
    case 'isMissing':
      t[MISSING_BOOLEAN] = 1;
      return t;
    case 'isNotMissing':
      t[0] = 1;
      t[1] = 1;
      return t;
    default:
      throw new ViewError(`"${cond.op}" does not apply to boolean column "${cond.column}"`);
  }
}
