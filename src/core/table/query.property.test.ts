/**
 * Property tests: the column-at-a-time engine against a plain row-by-row reference written
 * here from the documented semantics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunk, tableFromValues, tableCell } from './chunk';
import { filterRows } from './filter';
import { sortRows } from './sort';
import { groupRows } from './group';
import { bucketStart } from './civil';
import { CHUNK_ROWS } from './types';
import type { CellValue, ColumnSchema, Table } from './types';
import type { Aggregate, FilterCondition, FilterGroup, SortKey } from './view-spec';

const DAY = 86_400_000;
const SCHEMA: ColumnSchema[] = [
  { name: 'i', type: 'integer' },
  { name: 'd', type: 'decimal' },
  { name: 'b', type: 'boolean' },
  { name: 't', type: 'date' },
  { name: 'c', type: 'category' },
  { name: 's', type: 'text' },
];
const STRINGS = ['a', 'b', 'B', 'ab', 'ba', 'Abc', 'c d', 'zz'];
const DECIMALS = [-1.5, 0, 0.25, 2.75, 10];

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { freq: 6, nil: null });
const valueArb = [
  maybe(fc.integer({ min: -5, max: 5 })),
  maybe(fc.constantFrom(...DECIMALS)),
  maybe(fc.boolean()),
  maybe(fc.integer({ min: 0, max: 90 }).map((d) => Date.UTC(2024, 0, 1) + d * DAY)),
  maybe(fc.constantFrom('red', 'green', 'blue')),
  maybe(fc.constantFrom(...STRINGS)),
] as const;
const rowArb = fc.tuple(...valueArb).map((r): CellValue[] => [...r]);
const rowsArb = fc.array(rowArb, { maxLength: 120 });

function literalArb(col: number): fc.Arbitrary<string | number | boolean> {
  switch (col) {
    case 0:
      return fc.integer({ min: -6, max: 6 });
    case 1:
      return fc.constantFrom(...DECIMALS, 1);
    case 2:
      return fc.boolean();
    case 3:
      return fc
        .integer({ min: 0, max: 90 })
        .map((d) => new Date(Date.UTC(2024, 0, 1) + d * DAY).toISOString().slice(0, 10));
    default:
      return fc.constantFrom(...STRINGS, 'red', 'green', 'x');
  }
}

const conditionArb: fc.Arbitrary<FilterCondition> = fc.integer({ min: 0, max: 5 }).chain((col) => {
  const column = SCHEMA[col]?.name ?? 'i';
  const ops =
    col === 2
      ? (['equals', 'notEquals', 'inList', 'isMissing', 'isNotMissing'] as const)
      : col >= 4
        ? ([
            'equals',
            'notEquals',
            'lessThan',
            'lessOrEqual',
            'greaterThan',
            'greaterOrEqual',
            'between',
            'contains',
            'startsWith',
            'inList',
            'isMissing',
            'isNotMissing',
          ] as const)
        : ([
            'equals',
            'notEquals',
            'lessThan',
            'lessOrEqual',
            'greaterThan',
            'greaterOrEqual',
            'between',
            'inList',
            'isMissing',
            'isNotMissing',
          ] as const);
  return fc.record({
    kind: fc.constant('condition' as const),
    column: fc.constant(column),
    op: fc.constantFrom(...ops),
    value: literalArb(col),
    values: fc.array(literalArb(col), { maxLength: 3 }),
    range: fc.tuple(literalArb(col), literalArb(col)),
  });
});

const filterArb: fc.Arbitrary<FilterGroup> = fc.letrec<{ group: FilterGroup }>((tie) => ({
  group: fc.record({
    kind: fc.constant('group' as const),
    combinator: fc.constantFrom('and' as const, 'or' as const),
    children: fc.array(fc.oneof({ depthSize: 'small' }, conditionArb, tie('group')), { maxLength: 3 }),
  }),
})).group;

// ---------- reference implementation ----------

function literal(col: number, v: string | number | boolean): CellValue {
  if (col === 3 && typeof v === 'string') return Date.parse(`${v}T00:00:00Z`);
  if (col >= 4) return String(v);
  return v;
}

function refCondition(row: CellValue[], cond: FilterCondition): boolean {
  const col = SCHEMA.findIndex((s) => s.name === cond.column);
  const v = row[col] ?? null;
  if (cond.op === 'isMissing') return v === null;
  if (cond.op === 'isNotMissing') return v !== null;
  if (v === null) return false;
  const x = literal(col, cond.value ?? 0);
  switch (cond.op) {
    case 'equals':
      return v === x;
    case 'notEquals':
      return v !== x;
    // Strings and numbers share JS's < semantics (code-unit order for strings), as documented.
    case 'lessThan':
      return (v as number) < (x as number);
    case 'lessOrEqual':
      return (v as number) <= (x as number);
    case 'greaterThan':
      return (v as number) > (x as number);
    case 'greaterOrEqual':
      return (v as number) >= (x as number);
    case 'between': {
      const lo = literal(col, cond.range?.[0] ?? 0) as number;
      const hi = literal(col, cond.range?.[1] ?? 0) as number;
      return (v as number) >= lo && (v as number) <= hi;
    }
    case 'contains':
      return String(v).toLowerCase().includes(String(x).toLowerCase());
    case 'startsWith':
      return String(v).toLowerCase().startsWith(String(x).toLowerCase());
    case 'inList':
      return (cond.values ?? []).some((y) => literal(col, y) === v);
  }
}

function refIsEmpty(group: FilterGroup): boolean {
  return group.children.every((c) => c.kind === 'group' && refIsEmpty(c));
}

function refFilter(row: CellValue[], group: FilterGroup): boolean {
  if (refIsEmpty(group)) return true;
  const results = group.children
    .filter((c) => c.kind === 'condition' || !refIsEmpty(c))
    .map((c) => (c.kind === 'group' ? refFilter(row, c) : refCondition(row, c)));
  return group.combinator === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function refCompare(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function refSort(rows: CellValue[][], indices: number[], sort: readonly SortKey[]): number[] {
  return [...indices].sort((p, q) => {
    for (const key of sort) {
      const col = SCHEMA.findIndex((s) => s.name === key.column);
      const a = rows[p]?.[col] ?? null;
      const b = rows[q]?.[col] ?? null;
      if (a === b) continue;
      if (a === null || b === null) return refCompare(a, b); // missing last either way
      return key.direction === 'asc' ? refCompare(a, b) : refCompare(b, a);
    }
    return p - q;
  });
}

function tableOf(rows: CellValue[][]): Table {
  return tableFromValues(
    SCHEMA,
    SCHEMA.map((_, c) => rows.map((r) => r[c] ?? null)),
  );
}

const sortArb = fc.array(
  fc.record({
    column: fc.constantFrom(...SCHEMA.map((s) => s.name)),
    direction: fc.constantFrom('asc' as const, 'desc' as const),
  }),
  { maxLength: 3 },
);

describe('query engine vs reference', () => {
  it('filters like the row-by-row reference', () => {
    fc.assert(
      fc.property(rowsArb, filterArb, (rows, filter) => {
        const expected = rows.flatMap((r, i) => (refFilter(r, filter) ? [i] : []));
        expect([...filterRows(tableOf(rows), filter)]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts stably with missing last, and top-K equals the head of the full sort', () => {
    fc.assert(
      fc.property(rowsArb, sortArb, fc.integer({ min: 1, max: 10 }), (rows, sort, k) => {
        const table = tableOf(rows);
        const all = Uint32Array.from(rows.keys());
        const expected = refSort(rows, [...all], sort);
        expect([...sortRows(table, all, sort)]).toEqual(expected);
        expect([...sortRows(table, all, sort, k)]).toEqual(expected.slice(0, k));
      }),
      { numRuns: 300 },
    );
  });

  it('groups and aggregates like the reference', () => {
    const aggregates: Aggregate[] = [
      { op: 'count' },
      { op: 'count', column: 'd' },
      { op: 'sum', column: 'i' },
      { op: 'mean', column: 'd' },
      { op: 'min', column: 's' },
      { op: 'max', column: 't' },
      { op: 'median', column: 'i' },
      { op: 'distinct', column: 's' },
    ];
    const keyArb = fc.subarray(
      [{ column: 'c' }, { column: 't', bucket: 'month' as const }, { column: 'b' }, { column: 's' }],
      { minLength: 1, maxLength: 2 },
    );
    fc.assert(
      fc.property(rowsArb, keyArb, filterArb, (rows, keys, filter) => {
        const table = tableOf(rows);
        const selected = filterRows(table, filter);
        const result = groupRows(table, selected, { keys, aggregates });
        // reference
        const groups = new Map<string, { key: CellValue[]; rows: CellValue[][] }>();
        for (const i of selected) {
          const row = rows[i] ?? [];
          const key = keys.map((k) => {
            const v = row[SCHEMA.findIndex((s) => s.name === k.column)] ?? null;
            return k.bucket !== undefined && typeof v === 'number' ? bucketStart(v, k.bucket) : v;
          });
          const id = JSON.stringify(key);
          const g = groups.get(id) ?? { key, rows: [] };
          g.rows.push(row);
          groups.set(id, g);
        }
        const expected = [...groups.values()].map(({ key, rows: members }) => {
          const col = (name: string): CellValue[] =>
            members.map((r) => r[SCHEMA.findIndex((s) => s.name === name)] ?? null).filter((v) => v !== null);
          const nums = (name: string): number[] => col(name) as number[];
          const sortedI = nums('i').sort((a, b) => a - b);
          const median =
            sortedI.length === 0
              ? null
              : ((sortedI[Math.floor((sortedI.length - 1) / 2)] ?? 0) +
                  (sortedI[Math.ceil((sortedI.length - 1) / 2)] ?? 0)) /
                2;
          const strings = col('s') as string[];
          const times = nums('t');
          return [
            ...key,
            members.length,
            col('d').length,
            nums('i').reduce((a, b) => a + b, 0),
            nums('d').length === 0 ? null : nums('d').reduce((a, b) => a + b, 0) / nums('d').length,
            strings.length === 0 ? null : strings.reduce((a, b) => (b < a ? b : a)),
            times.length === 0 ? null : Math.max(...times),
            median,
            new Set(strings).size,
          ];
        });
        const actual: CellValue[][] = [];
        for (let r = 0; r < result.rowCount; r++)
          actual.push(result.columns.map((_, c) => tableCell(result, c, r)));
        expect(actual.length).toBe(expected.length);
        actual.forEach((row, r) => {
          row.forEach((v, c) => {
            const e = expected[r]?.[c];
            if (typeof v === 'number' && typeof e === 'number') expect(v).toBeCloseTo(e, 9);
            else expect(v).toEqual(e);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('encode → decode round-trips random typed rows', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const table = tableOf(rows);
        const decoded = table.chunks.flatMap((chunk) => {
          const cols = decodeChunk(chunk);
          return Array.from({ length: chunk.rowCount }, (_, r) => cols.map((col) => col[r] ?? null));
        });
        expect(decoded).toEqual(rows);
        expect(structuredClone(table.chunks)).toEqual(table.chunks);
      }),
    );
  });

  it('works across chunk boundaries (150k rows)', () => {
    const n = 2 * CHUNK_ROWS + 12_345;
    const rows: CellValue[][] = Array.from({ length: n }, (_, i) => [
      i % 7 === 0 ? null : (i * 7919) % 1000,
      null,
      i % 3 === 0,
      Date.UTC(2024, 0, 1) + (i % 400) * DAY,
      ['red', 'green', 'blue'][i % 3] ?? null,
      STRINGS[i % STRINGS.length] ?? null,
    ]);
    const table = tableOf(rows);
    expect(table.chunks.length).toBe(3);
    const filter: FilterGroup = {
      kind: 'group',
      combinator: 'and',
      children: [
        { kind: 'condition', column: 'i', op: 'greaterThan', value: 500 },
        { kind: 'condition', column: 's', op: 'contains', value: 'B' },
      ],
    };
    const selected = filterRows(table, filter);
    const expected = rows.flatMap((r, i) => (refFilter(r, filter) ? [i] : []));
    expect([...selected]).toEqual(expected);
    const sort: SortKey[] = [
      { column: 'i', direction: 'desc' },
      { column: 't', direction: 'asc' },
    ];
    expect([...sortRows(table, selected, sort, 100)]).toEqual(refSort(rows, expected, sort).slice(0, 100));
  });
});
