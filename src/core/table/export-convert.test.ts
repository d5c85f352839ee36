import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTable } from '../csv/test-helpers';
import { tableFromValues } from './chunk';
import { convertTableColumn } from './convert';
import { escapeFormula, exportCsv } from './export';
import { pivotRows } from './group';
import { profileColumn } from './profile';
import { runView } from './run-view';
import type { CellValue, ColumnSchema } from './types';
import { allRows } from './view-error';
import { parseViewSpec } from './view-spec';

const SCHEMA: ColumnSchema[] = [
  { name: 'id', type: 'integer' },
  { name: 'amount', type: 'decimal' },
  { name: 'ok', type: 'boolean' },
  { name: 'day', type: 'date' },
  { name: 'at', type: 'datetime' },
  { name: 'note', type: 'text' },
];

// Text that survives import unchanged: not a missing token, not whitespace-only.
const textArb = fc
  .string({ unit: fc.constantFrom('a', 'B', ',', '"', '\n', '\r\n', ' ', '=', '-', 'é', '😀', ';', '0') })
  .filter((s) => s.trim() !== '' && !['NA', 'N/A', 'null', 'NULL', '-'].includes(s));

const rowArb = fc
  .tuple(
    fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: null }),
    fc.option(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => Math.round(d * 100) / 100),
      { nil: null },
    ),
    fc.option(fc.boolean(), { nil: null }),
    fc.option(
      fc.integer({ min: -20_000, max: 40_000 }).map((d) => d * 86_400_000),
      { nil: null },
    ),
    fc.option(fc.integer({ min: -1e12, max: 4e12 }), { nil: null }),
    fc.option(textArb, { nil: null }),
  )
  .map((r): CellValue[] => [...r]);

function collect(gen: Iterable<string>): string {
  let out = '';
  for (const piece of gen) out += piece;
  return out;
}

describe('CSV export', () => {
  it('round-trips through the importer (escaping off, types fixed)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), (rows) => {
        const table = tableFromValues(
          SCHEMA,
          SCHEMA.map((_, c) => rows.map((r) => r[c] ?? null)),
        );
        const csv = collect(exportCsv(table, { escapeFormulas: false, pieceSize: 64 }));
        const back = importTable(csv, { columnTypes: SCHEMA.map((s) => s.type), delimiter: ',' });
        expect(back.result.schema.map((s) => s.name)).toEqual(SCHEMA.map((s) => s.name));
        expect(back.rows).toEqual(
          rows.map((r) => r.map((v) => (typeof v === 'number' && Object.is(v, -0) ? 0 : v))),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('escapes formula-like text cells but never numbers', () => {
    const table = tableFromValues(
      [
        { name: 'n', type: 'integer' },
        { name: 't', type: 'text' },
      ],
      [
        [-5, 3, 4, 5, 6, 7, 8],
        ['=SUM(A1)', '+1', '-2', '@x', '\tx', 'plain', 'a=b'],
      ],
    );
    const csv = collect(exportCsv(table));
    expect(csv.split('\r\n').slice(0, 8)).toEqual([
      'n,t',
      "-5,'=SUM(A1)",
      "3,'+1",
      "4,'-2",
      "5,'@x",
      "6,'\tx",
      '7,plain',
      '8,a=b',
    ]);
    expect(collect(exportCsv(table, { escapeFormulas: false }))).toContain('-5,=SUM(A1)');
  });

  it('escapeFormula prefixes exactly the dangerous first characters', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapeFormula(s);
        const dangerous = s.length > 0 && '=+-@\t\r\n'.includes(s[0] ?? '');
        expect(escaped).toBe(dangerous ? `'${s}` : s);
      }),
    );
  });

  it('exports the sorted, filtered view with only the visible columns', () => {
    const { table } = importTable('id,city,amount\n1,Oslo,5\n2,Rome,7\n3,Oslo,9\n');
    const view = runView(
      table,
      parseViewSpec({
        filters: {
          kind: 'group',
          combinator: 'and',
          children: [{ kind: 'condition', column: 'city', op: 'equals', value: 'Oslo' }],
        },
        sort: [{ column: 'amount', direction: 'desc' }],
        columns: ['amount', 'id'],
      }),
    );
    expect(collect(exportCsv(view.table, { rows: view.rows, columns: view.columns }))).toBe(
      'amount,id\r\n9,3\r\n5,1\r\n',
    );
  });
});

describe('view spec', () => {
  it('fills defaults and rejects malformed specs', () => {
    expect(parseViewSpec({}).filters).toEqual({ kind: 'group', combinator: 'and', children: [] });
    expect(() =>
      parseViewSpec({
        filters: {
          kind: 'group',
          combinator: 'and',
          children: [{ kind: 'condition', column: 'x', op: 'between' }],
        },
      }),
    ).toThrow();
    expect(() => parseViewSpec({ groupBy: { keys: [], aggregates: [{ op: 'count' }] } })).toThrow();
    expect(() =>
      parseViewSpec({ groupBy: { keys: [{ column: 'a' }], aggregates: [{ op: 'sum' }] } }),
    ).toThrow();
  });

  it('groups by category × month and the result is a table that can be sorted', () => {
    const { table } = importTable(
      'cat,day,amount\na,2024-01-05,1\nb,2024-01-20,2\na,2024-01-31,3\na,2024-02-01,4\n,2024-02-02,5\n',
    );
    const view = runView(
      table,
      parseViewSpec({
        groupBy: {
          keys: [{ column: 'cat' }, { column: 'day', bucket: 'month' }],
          aggregates: [{ op: 'sum', column: 'amount' }, { op: 'count' }],
        },
        sort: [{ column: 'sum(amount)', direction: 'desc' }],
      }),
    );
    expect(view.table.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'cat:text',
      'day (month):date',
      'sum(amount):integer',
      'count:integer',
    ]);
    const csv = collect(exportCsv(view.table, { rows: view.rows }));
    expect(csv).toBe(
      'cat,day (month),sum(amount),count\r\n,2024-02,5,1\r\na,2024-01,4,2\r\na,2024-02,4,1\r\nb,2024-01,2,1\r\n',
    );
  });

  it('pivots one key across columns', () => {
    const { table } = importTable('region,year,sales\nN,2023,1\nN,2024,2\nS,2024,5\nN,2024,3\n');
    const { table: pivot, droppedColumns } = pivotRows(table, allRows(table), {
      rows: { column: 'region' },
      columns: { column: 'year' },
      aggregate: { op: 'sum', column: 'sales' },
      maxColumns: 100,
    });
    expect(droppedColumns).toBe(0);
    expect(collect(exportCsv(pivot))).toBe('region,2023,2024\r\nN,1,5\r\nS,,5\r\n');
  });
});

describe('profile', () => {
  it('summarises numbers, dates and text', () => {
    const { table } = importTable(
      'n,d,t\n1,2024-01-01,x\n2,2024-03-01,y\n3,,x\n4,2024-02-01,\nNA,2024-01-15,x\n',
    );
    const n = profileColumn(table, 0);
    expect(n).toMatchObject({
      count: 5,
      missing: 1,
      distinct: 4,
      min: 1,
      max: 4,
      mean: 2.5,
      median: 2.5,
      q1: 1.75,
      q3: 3.25,
    });
    expect(n.stdDev).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(n.histogram?.counts.reduce((a, b) => a + b, 0)).toBe(4);
    const d = profileColumn(table, 1);
    expect([d.min, d.max]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 2, 1)]);
    expect(profileColumn(table, 2).topValues).toEqual([
      { value: 'x', count: 3 },
      { value: 'y', count: 1 },
    ]);
  });
});

describe('convertTableColumn', () => {
  it('converts and reports values that do not fit, with row numbers', () => {
    const { table } = importTable('code\n007\n12\nabc\n\n3.5\n');
    const converted = convertTableColumn(table, 'code', 'integer');
    expect(converted.table.columns[0]?.type).toBe('integer');
    expect(converted.failedCount).toBe(3);
    expect(converted.failures).toEqual([
      { row: 0, value: '007' },
      { row: 2, value: 'abc' },
      { row: 3, value: '3.5' }, // the blank line is skipped, not a row
    ]);
    const decimal = convertTableColumn(table, 'code', 'decimal');
    expect(decimal.failures.map((f) => f.value)).toEqual(['007', 'abc']);
  });

  it('truncates datetimes to dates and maps 0/1 to booleans', () => {
    const { table } = importTable('at,flag\n2024-05-06T23:59:00Z,1\n2024-05-07 01:00,0\n,2\n');
    const date = convertTableColumn(table, 'at', 'date');
    expect(date.failedCount).toBe(0);
    expect(collect(exportCsv(date.table, { columns: [0] }))).toBe('at\r\n2024-05-06\r\n2024-05-07\r\n\r\n');
    const flags = convertTableColumn(table, 'flag', 'boolean');
    expect(flags.failures).toEqual([{ row: 2, value: '2' }]);
  });
});
