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
import { runView } from './run-view';
import { convertTableColumn } from './convert';
import { parseViewSpec } from './view-spec';
import { bucketStart } from './civil';
import { CHUNK_ROWS } from './types';
import type { CellValue, ColumnSchema, Table } from './types';
import type { Aggregate, FilterCondition, FilterGroup, KeyExpr, SortKey } from './view-spec';

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

const AGGREGATES: Aggregate[] = [
  { op: 'count' },
  { op: 'count', column: 'd' },
  { op: 'sum', column: 'i' },
  { op: 'mean', column: 'd' },
  { op: 'min', column: 's' },
  { op: 'max', column: 't' },
  { op: 'median', column: 'i' },
  { op: 'distinct', column: 's' },
  { op: 'min', column: 'd' },
  { op: 'max', column: 'i' },
  { op: 'count', column: 'c' },
  { op: 'max', column: 'c' },
  { op: 'median', column: 'd' },
  { op: 'distinct', column: 'd' }, // not integers: the sorting path
  { op: 'distinct', column: 't' },
];

/**
 * Keys of every kind, so both group-by paths are covered: dense (category, text, boolean,
 * integer, calendar buckets) and general (decimal, unbucketed date, too wide for a flat array).
 */
const groupKeysArb = fc.subarray(
  [
    { column: 'c' },
    { column: 't', bucket: 'month' as const },
    { column: 'b' },
    { column: 's' },
    { column: 'i' },
    { column: 'd' },
    { column: 't' },
    { column: 't', bucket: 'year' as const },
    { column: 't', bucket: 'day' as const },
  ],
  { minLength: 1, maxLength: 3 },
);

function refMedian(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] ?? 0) + (sorted[Math.ceil(mid)] ?? 0)) / 2;
}

/** Expected group-by of AGGREGATES: groups in order of first occurrence among `selected`. */
function refGroupBy(
  rows: CellValue[][],
  selected: Iterable<number>,
  keys: readonly KeyExpr[],
): CellValue[][] {
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
  return [...groups.values()].map(({ key, rows: members }) => {
    const col = (name: string): CellValue[] =>
      members.map((r) => r[SCHEMA.findIndex((s) => s.name === name)] ?? null).filter((v) => v !== null);
    const nums = (name: string): number[] => col(name) as number[];
    const median = refMedian(nums('i'));
    const strings = col('s') as string[];
    const times = nums('t');
    const cats = col('c') as string[];
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
      nums('d').length === 0 ? null : Math.min(...nums('d')),
      nums('i').length === 0 ? null : Math.max(...nums('i')),
      cats.length,
      cats.length === 0 ? null : cats.reduce((a, b) => (b > a ? b : a)),
      refMedian(nums('d')),
      new Set(nums('d')).size,
      new Set(times).size,
    ];
  });
}

function tableRows(result: Table): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < result.rowCount; r++) out.push(result.columns.map((_, c) => tableCell(result, c, r)));
  return out;
}

function expectGrouped(result: Table, expected: CellValue[][]): void {
  const actual = tableRows(result);
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    row.forEach((v, c) => {
      const e = expected[r]?.[c];
      if (typeof v === 'number' && typeof e === 'number') expect(v).toBeCloseTo(e, 9);
      else expect(v).toEqual(e);
    });
  });
}

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
    fc.assert(
      fc.property(rowsArb, groupKeysArb, filterArb, (rows, keys, filter) => {
        const table = tableOf(rows);
        const selected = filterRows(table, filter);
        expectGrouped(
          groupRows(table, selected, { keys, aggregates: AGGREGATES }),
          refGroupBy(rows, selected, keys),
        );
      }),
      { numRuns: 300 },
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
  it('runView gives the same answers warm (cached ranks, buckets, scratch) as on a fresh table', () => {
    const specArb = fc.record({
      filters: filterArb,
      sort: sortArb,
      groupBy: fc.option(
        groupKeysArb.map((keys) => ({ keys, aggregates: AGGREGATES })),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(rowsArb, fc.array(specArb, { minLength: 1, maxLength: 4 }), (rows, specs) => {
        const table = tableOf(rows); // one table re-queried, as the worker does
        for (const spec of specs) {
          // A group-by's sort applies to its result, whose columns are the keys and aggregates.
          const sort =
            spec.groupBy === undefined ? spec.sort : [{ column: 'count', direction: 'desc' as const }];
          const view = parseViewSpec({ ...spec, sort });
          for (const options of [{ limit: 7 }, {}]) {
            const fresh = runView(tableOf(rows), view, options);
            for (let run = 0; run < 2; run++) {
              const warm = runView(table, view, options);
              expect([...warm.rows]).toEqual([...fresh.rows]);
              expect(tableRows(warm.table)).toEqual(tableRows(fresh.table));
              expect(warm.matchedRows).toBe(fresh.matchedRows);
              // Callers own (and may transfer or overwrite) the rows they get back.
              warm.rows.fill(0);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a converted column is not answered from the old column's caches", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const table = tableOf(rows);
        const view = parseViewSpec({
          groupBy: {
            keys: [{ column: 's' }, { column: 'i' }],
            aggregates: [{ op: 'count' }, { op: 'max', column: 's' }],
          },
          sort: [{ column: 's', direction: 'asc' }],
        });
        runView(table, view); // warm the caches of the original columns
        for (const [name, type] of [
          ['i', 'text'],
          ['s', 'category'],
          ['i', 'decimal'],
        ] as const) {
          const converted = convertTableColumn(table, name, type).table;
          const cold = tableFromValues(
            converted.columns,
            converted.columns.map((_, c) =>
              Array.from({ length: converted.rowCount }, (_, r) => tableCell(converted, c, r)),
            ),
          );
          const warm = runView(converted, view);
          const expected = runView(cold, view);
          expect(tableRows(warm.table)).toEqual(tableRows(expected.table));
          expect([...warm.rows]).toEqual([...expected.rows]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('groups across chunk boundaries, unfiltered and filtered', () => {
    const n = 2 * CHUNK_ROWS + 4_321;
    const rows: CellValue[][] = Array.from({ length: n }, (_, i) => [
      i % 11 === 0 ? null : i % 9,
      i % 5 === 0 ? null : (i % 13) / 4,
      i % 3 === 0,
      i % 17 === 0 ? null : Date.UTC(2023, 0, 1) + (i % 500) * DAY,
      ['red', 'green', 'blue'][i % 3] ?? null,
      STRINGS[(i * 7) % STRINGS.length] ?? null,
    ]);
    const table = tableOf(rows);
    const keys: KeyExpr[] = [{ column: 'c' }, { column: 't', bucket: 'month' }];
    const all = Uint32Array.from(rows.keys());
    expectGrouped(groupRows(table, all, { keys, aggregates: AGGREGATES }), refGroupBy(rows, all, keys));
    const view = runView(table, parseViewSpec({ groupBy: { keys, aggregates: AGGREGATES } }));
    expectGrouped(view.table, refGroupBy(rows, all, keys));
    const filter: FilterGroup = {
      kind: 'group',
      combinator: 'or',
      children: [
        { kind: 'condition', column: 'i', op: 'lessThan', value: 3 },
        { kind: 'condition', column: 's', op: 'equals', value: 'zz' },
      ],
    };
    const selected = filterRows(table, filter);
    expect([...selected]).toEqual(rows.flatMap((r, i) => (refFilter(r, filter) ? [i] : [])));
    for (const k of [keys, [{ column: 'd' }, { column: 'b' }], [{ column: 'i' }]] as KeyExpr[][])
      expectGrouped(
        groupRows(table, selected, { keys: k, aggregates: AGGREGATES }),
        refGroupBy(rows, selected, k),
      );
  });
});
