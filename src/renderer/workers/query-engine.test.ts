import { importTable } from '@core/csv/test-helpers';
import { describe, expect, it } from 'vitest';
import { toTsv } from '../features/datasets/viewer/tsv';
import { QueryEngine } from './query-engine';
import { CHUNK_ROWS, createTable } from '@core/table';

const CSV = [
  'region,product,price,sold_on,note',
  'North,Apple,1.5,2026-01-02,plain',
  'South,Pear,2,2026-01-03,"has, comma"',
  'North,Pear,3.25,2026-02-01,=SUM(A1)',
  'East,Apple,,2026-02-10,"two',
  'lines"',
  'North,Apple,0.5,,tab\there',
].join('\n');

function engineFor(text = CSV) {
  const { table } = importTable(text);
  let loads = 0;
  const engine = new QueryEngine(async (id) => {
    loads++;
    await Promise.resolve();
    return { name: `dataset ${id}`, table };
  });
  return { engine, loads: () => loads, table };
}

async function run(engine: QueryEngine, spec: unknown) {
  await engine.open('d1');
  const outcome = engine.run(spec);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

const northFilter = {
  kind: 'group',
  combinator: 'and',
  children: [{ kind: 'condition', column: 'region', op: 'equals', value: 'North' }],
};

describe('query engine', () => {
  it('loads a dataset once and reloads only when asked', async () => {
    const { engine, loads } = engineFor();
    const summary = await engine.open('d1');
    expect(summary).toMatchObject({ name: 'dataset d1', rowCount: 5 });
    expect(summary.columns.map((c) => c.type)).toEqual(['text', 'text', 'decimal', 'date', 'text']);
    await engine.open('d1');
    expect(loads()).toBe(1);
    await engine.open('d1', true);
    expect(loads()).toBe(2);
  });

  it('runs filter and multi-key sort, and serves a window of formatted cells with source row numbers', async () => {
    const { engine } = engineFor();
    const outcome = await run(engine, {
      filters: northFilter,
      sort: [
        { column: 'product', direction: 'asc' },
        { column: 'price', direction: 'desc' },
      ],
    });
    expect(outcome).toMatchObject({ rowCount: 3, matchedRows: 3, sourceRows: 5, grouped: false });
    const win = engine.window(outcome.handle, 0, 10, [1, 2, 3]);
    expect(win?.rowNumbers).toEqual([1, 5, 3]);
    expect(win?.cells).toEqual([
      ['Apple', '1.5', '2026-01-02'],
      ['Apple', '0.5', null],
      ['Pear', '3.25', '2026-02-01'],
    ]);
    // A window past the end is clipped, not an error.
    expect(engine.window(outcome.handle, 2, 50, [0])?.cells).toEqual([['North']]);
  });

  it('follows the visible column order of the spec', async () => {
    const { engine } = engineFor();
    const outcome = await run(engine, { columns: ['price', 'region'] });
    expect(outcome.columns.map((c) => c.name)).toEqual(['price', 'region']);
    expect(engine.window(outcome.handle, 0, 1, [0, 1])?.cells).toEqual([['1.5', 'North']]);
  });

  it('reports a view that does not fit the data instead of throwing', async () => {
    const { engine } = engineFor();
    await engine.open('d1');
    const badLiteral = engine.run({
      filters: {
        kind: 'group',
        combinator: 'and',
        children: [{ kind: 'condition', column: 'price', op: 'greaterThan', value: 'abc' }],
      },
    });
    expect(badLiteral).toEqual({ ok: false, error: '"abc" is not a valid decimal for column "price"' });
    expect(engine.run({ sort: [{ column: 'nope', direction: 'asc' }] })).toEqual({
      ok: false,
      error: 'unknown column "nope"',
    });
    expect(engine.run({ filters: { kind: 'nonsense' } })).toMatchObject({ ok: false });
  });

  it('groups, numbering result rows by position, and sorts the grouped result', async () => {
    const { engine } = engineFor();
    const outcome = await run(engine, {
      groupBy: {
        keys: [{ column: 'region' }],
        aggregates: [{ op: 'count' }, { op: 'sum', column: 'price' }, { op: 'median', column: 'price' }],
      },
      sort: [{ column: 'count', direction: 'desc' }],
    });
    expect(outcome).toMatchObject({ grouped: true, rowCount: 3, matchedRows: 5 });
    expect(outcome.columns.map((c) => c.name)).toEqual(['region', 'count', 'sum(price)', 'median(price)']);
    const win = engine.window(outcome.handle, 0, 3, [0, 1, 2, 3]);
    expect(win?.rowNumbers).toEqual([1, 2, 3]);
    expect(win?.cells).toEqual([
      ['North', '3', '5.25', '1.5'],
      ['South', '1', '2', '2'],
      ['East', '1', '0', null],
    ]);
  });

  it('pivots two keys', async () => {
    const { engine } = engineFor();
    const outcome = await run(engine, {
      pivot: { rows: { column: 'region' }, columns: { column: 'product' }, aggregate: { op: 'count' } },
    });
    expect(outcome.columns.map((c) => c.name)).toEqual(['region', 'Apple', 'Pear']);
    expect(engine.window(outcome.handle, 0, 3, [0, 1, 2])?.cells).toEqual([
      ['East', '1', null],
      ['North', '2', '1'],
      ['South', null, '1'],
    ]);
  });

  it('copies a selection as TSV, quoting cells with tabs, quotes or line breaks', async () => {
    const { engine } = engineFor();
    const outcome = await run(engine, {});
    const text = engine.copy(
      outcome.handle,
      { firstRow: 2, lastRow: 4, firstColumn: 2, lastColumn: 4 },
      true,
    );
    expect(text).toBe(
      [
        'price\tsold_on\tnote',
        '3.25\t2026-02-01\t=SUM(A1)',
        '\t2026-02-10\t"two\nlines"',
        '0.5\t\t"tab\there"',
      ].join('\r\n'),
    );
    expect(toTsv([['a"b', null]])).toBe('"a""b"\t');
  });

  it('profiles a column over the filtered rows', async () => {
    const { engine } = engineFor();
    const outcome = await run(engine, { filters: northFilter });
    const price = engine.profile(outcome.handle, 2);
    expect(price).toMatchObject({ count: 3, missing: 0, min: 0.5, max: 3.25, median: 1.5 });
    const product = engine.profile(outcome.handle, 1);
    expect(product?.topValues).toEqual([
      { value: 'Apple', count: 2 },
      { value: 'Pear', count: 1 },
    ]);
  });

  it('exports the view as shown, and the CSV imports back to the same rows', async () => {
    const { engine } = engineFor();
    const outcome = await run(engine, {
      sort: [{ column: 'price', direction: 'desc' }],
      columns: ['note', 'price', 'region'],
    });
    const shown = engine.window(outcome.handle, 0, outcome.rowCount, [0, 1, 2]);
    const escaped = new TextDecoder().decode(engine.exportCsv(outcome.handle, { escapeFormulas: true }));
    expect(escaped.split('\r\n')[1]).toBe("'=SUM(A1),3.25,North");
    const raw = engine.exportCsv(outcome.handle, { escapeFormulas: false }) ?? new Uint8Array();
    const back = importTable(raw);
    expect(back.table.columns.map((c) => c.name)).toEqual(['note', 'price', 'region']);
    const asText = back.rows.map((row, i) =>
      row
        .map((v, c) => (v === null ? null : c === 1 ? String(v) : v))
        .slice(0, 3)
        .concat(String(i)),
    );
    expect(asText).toEqual(shown?.cells.map((row, i) => [...row, String(i)]));
  });

  it('forgets old results but keeps the few the grid may still read', async () => {
    const { engine } = engineFor();
    const first = await run(engine, {});
    for (let i = 0; i < 4; i++) await run(engine, {});
    expect(engine.window(first.handle, 0, 1, [0])).toBeUndefined();
    const latest = await run(engine, {});
    expect(engine.window(latest.handle, 0, 1, [0])?.cells).toEqual([['North']]);
  });

  it('shows the first chunk at once and the rest once it loads, waiting only where it must', async () => {
    const rows = CHUNK_ROWS + 5;
    const { table: full } = importTable(
      ['n', ...Array.from({ length: rows }, (_, i) => String(i))].join('\n'),
    );
    expect(full.chunks).toHaveLength(2);
    const head = createTable(full.columns, [full.chunks[0] ?? expect.unreachable()]);
    let deliver: (table: typeof full) => void = () => undefined;
    const rest = new Promise<typeof full>((resolve) => {
      deliver = resolve;
    });
    let restRequested = 0;
    const engine = new QueryEngine(async () => {
      await Promise.resolve();
      return {
        name: 'big',
        table: head,
        rest: {
          rowCount: rows,
          table: async () => {
            restRequested++;
            return rest;
          },
        },
      };
    });

    expect(await engine.open('big')).toMatchObject({ rowCount: rows });
    // The stored order needs nothing more: the whole row count, the first screen from the first chunk.
    expect(engine.canRunNow({})).toBe(true);
    const shown = engine.run({});
    if (!shown.ok) throw new Error(shown.error);
    expect(shown).toMatchObject({ rowCount: rows, matchedRows: rows, sourceRows: rows });
    expect(engine.canServeNow(shown.handle, 40)).toBe(true);
    expect(restRequested).toBe(0);
    expect(engine.window(shown.handle, 0, 2, [0])?.cells).toEqual([['0'], ['1']]);
    // Rows past the first chunk, and any filter or sort, wait for the rest.
    expect(engine.canServeNow(shown.handle, rows)).toBe(false);
    const sorted = { sort: [{ column: 'n', direction: 'desc' }] };
    expect(engine.canRunNow(sorted)).toBe(false);
    expect(() => engine.run(sorted)).toThrow(/still loading/);

    deliver(full);
    await engine.whenLoaded();
    expect(restRequested).toBe(1);
    expect(engine.canServeNow(shown.handle, rows)).toBe(true);
    expect(engine.window(shown.handle, rows - 1, rows, [0])).toMatchObject({
      rowNumbers: [rows],
      cells: [[String(rows - 1)]],
    });
    const top = engine.run(sorted);
    if (!top.ok) throw new Error(top.error);
    expect(engine.window(top.handle, 0, 1, [0])?.cells).toEqual([[String(rows - 1)]]);
  });

  it('shapes a chart from every row of the view, not the first 200,000', async () => {
    const rows = 250_001;
    const { engine } = engineFor(
      [
        'n,group',
        ...Array.from({ length: rows }, (_, i) => `${i % 100},${i % 2 === 0 ? 'even' : 'odd'}`),
      ].join('\n'),
    );
    const all = await run(engine, {});
    const chart = (input: Record<string, unknown>) =>
      engine.chartData(all.handle, { viewId: 'v', title: 't', ...input });
    const histogram = chart({ type: 'histogram', x: 'n', bins: 4 });
    if (!histogram?.ok || histogram.data.kind !== 'category') throw new Error('expected a histogram');
    expect(histogram.rows).toBe(rows);
    expect(histogram.data.series[0]?.values).toEqual([62_501, 62_500, 62_500, 62_500]);
    // A line of every row is thinned from all of them, and says so.
    const line = chart({ type: 'line', x: 'n', y: ['n'] });
    expect(line?.ok && line.data.thinnedFrom).toBe(rows);
    // Bars of a raw view are refused with the way forward; grouped, the same data draws.
    expect(chart({ type: 'bar', x: 'group', y: ['n'] })).toEqual({
      ok: false,
      error: expect.stringMatching(/250,001 bars.*Group the view by "group"/) as unknown,
    });
    const grouped = await run(engine, {
      groupBy: { keys: [{ column: 'group' }], aggregates: [{ op: 'count' }] },
    });
    const bars = engine.chartData(grouped.handle, {
      viewId: 'v',
      title: 't',
      type: 'bar',
      x: 'group',
      y: [grouped.columns[1]?.name],
    });
    expect(bars?.ok && bars.data).toMatchObject({
      labels: ['even', 'odd'],
      series: [{ values: [125_001, 125_000] }],
    });
  });

  it('answers a chart that does not fit the view with why, not an exception', async () => {
    const { engine } = engineFor();
    const all = await run(engine, {});
    expect(
      engine.chartData(all.handle, { viewId: 'v', title: 't', type: 'bar', x: 'region', y: ['profit'] }),
    ).toEqual({ ok: false, error: 'The value column "profit" is not in the view\'s result any more.' });
    expect(engine.chartData(all.handle, { type: 'radar' })).toMatchObject({ ok: false });
    expect(engine.chartData(999, {})).toBeUndefined();
  });
});
