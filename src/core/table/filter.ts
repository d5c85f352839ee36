/**
 * Filter evaluation, column at a time. Each condition fills a byte mask over all rows; groups
 * AND/OR their children's masks. String conditions are decided once per dictionary entry of a
 * chunk and then looked up per row, so `contains` costs one test per distinct string.
 *
 * Semantics: empty groups are ignored (see isEmptyGroup); a missing cell matches only `isMissing`; every value operator (including
 * `notEquals`) is false on missing, as in SQL. String comparisons (<, between) use UTF-16 code
 * unit order; `contains` and `startsWith` ignore letter case; `equals`/`inList` are exact.
 */
import { CHUNK_SHIFT, MISSING_BOOLEAN, MISSING_CODE, encodingKindOf } from './types';
import type { ColumnType, EncodedColumn, Table } from './types';
import { parseAs, parseDateTime } from './values';
import type { FilterCondition, FilterGroup, FilterLiteral } from './view-spec';
import { ViewError, columnIndexOf } from './view-error';

/** Row indices (ascending) of rows matching the filter. */
export function filterRows(table: Table, filter: FilterGroup): Uint32Array {
  if (isEmptyGroup(filter)) return selectAll(table.rowCount);
  const mask = evaluateGroup(table, filter);
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i] ?? 0;
  const rows = new Uint32Array(count);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i] === 1) rows[k++] = i;
  return rows;
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

function evaluateGroup(table: Table, group: FilterGroup): Uint8Array {
  const isAnd = group.combinator === 'and';
  const out = new Uint8Array(table.rowCount);
  if (isAnd) out.fill(1);
  for (const child of group.children) {
    if (child.kind === 'group' && isEmptyGroup(child)) continue;
    const mask = child.kind === 'group' ? evaluateGroup(table, child) : evaluateCondition(table, child);
    if (isAnd) for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) & (mask[i] ?? 0);
    else for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) | (mask[i] ?? 0);
  }
  return out;
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

function evaluateCondition(table: Table, cond: FilterCondition): Uint8Array {
  const c = columnIndexOf(table, cond.column);
  const type = table.columns[c]?.type ?? 'text';
  const out = new Uint8Array(table.rowCount);
  const kind = encodingKindOf(type);
  const numTest = kind === 'number' || kind === 'time' ? numberTest(cond, type) : undefined;
  const boolTest = kind === 'boolean' ? booleanTest(cond, type) : undefined;
  const strTest = kind === 'string' ? stringTest(cond, type) : undefined;
  for (const chunk of table.chunks) {
    const base = chunk.index << CHUNK_SHIFT;
    const column = chunk.columns[c] as EncodedColumn;
    const n = chunk.rowCount;
    if (column.kind === 'number' || column.kind === 'time') {
      const values = column.values;
      const test = numTest as NumberTest;
      for (let i = 0; i < n; i++) out[base + i] = test(values[i] ?? NaN) ? 1 : 0;
    } else if (column.kind === 'boolean') {
      const table3 = boolTest as Uint8Array;
      const values = column.values;
      for (let i = 0; i < n; i++) out[base + i] = table3[values[i] ?? MISSING_BOOLEAN] ?? 0;
    } else {
      const codes = column.codes;
      if (strTest === 'missing' || strTest === 'present') {
        const wantMissing = strTest === 'missing';
        for (let i = 0; i < n; i++) out[base + i] = (codes[i] === MISSING_CODE) === wantMissing ? 1 : 0;
        continue;
      }
      const test = strTest as StringTest;
      const dict = column.dictionary;
      const matches = new Uint8Array(dict.length);
      for (let d = 0; d < dict.length; d++) matches[d] = test(dict[d] ?? '') ? 1 : 0;
      for (let i = 0; i < n; i++) {
        const code = codes[i] ?? MISSING_CODE;
        out[base + i] = code === MISSING_CODE ? 0 : (matches[code] ?? 0);
      }
    }
  }
  return out;
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
