import { describe, expect, it } from 'vitest';
import type { ChartSpecInput } from './chart-spec';
import { ChartSpecSchema } from './chart-spec';
import { lttbIndices } from './lttb';
import {
  ChartDataError,
  MAX_CATEGORIES,
  MAX_POINTS_PER_SERIES,
  MAX_SERIES,
  chartDataRows,
  shapeChartData,
} from './shape-chart-data';

const spec = (input: Partial<ChartSpecInput>) =>
  ChartSpecSchema.parse({ viewId: 'v', type: 'bar', x: 'region', y: ['sales'], title: 't', ...input });

const table = {
  columns: ['region', 'year', 'sales', 'cost'],
  rows: [
    ['North', '2024', '10', '4'],
    ['South', '2024', '7.5', null],
    ['North', '2025', '12', '5'],
    [null, '2025', 'n/a', '1'],
  ],
};

describe('shapeChartData', () => {
  it('draws one series per value column, gaps for missing or non-numeric cells', () => {
    const data = shapeChartData(spec({ y: ['sales', 'cost'] }), table);
    expect(data).toEqual({
      kind: 'category',
      labels: ['North', 'South', 'North', '(missing)'],
      series: [
        { label: 'sales', values: [10, 7.5, 12, null] },
        { label: 'cost', values: [4, null, 5, 1] },
      ],
      thinnedFrom: 0,
    });
  });

  it('splits one value column into a series per value of the series column', () => {
    const data = shapeChartData(spec({ type: 'stacked-bar', x: 'year', series: 'region' }), table);
    expect(data).toEqual({
      kind: 'category',
      labels: ['2024', '2025'],
      series: [
        { label: 'North', values: [10, 12] },
        { label: 'South', values: [7.5, null] },
        { label: '(missing)', values: [null, null] },
      ],
      thinnedFrom: 0,
    });
  });

  it('names the column when the view no longer has it', () => {
    expect(() => shapeChartData(spec({ y: ['profit'] }), table)).toThrow(ChartDataError);
    expect(() => shapeChartData(spec({ y: ['profit'] }), table)).toThrow(/value column "profit"/);
  });

  it('counts a histogram with the maximum in the last bin', () => {
    const data = shapeChartData(spec({ type: 'histogram', x: 'v', y: [], bins: 2 }), {
      columns: ['v'],
      rows: [['0'], ['1'], ['2'], ['4'], [null]],
    });
    expect(data).toEqual({
      kind: 'category',
      labels: ['0–2', '2–4'],
      series: [{ label: 'Count', values: [2, 2] }],
      thinnedFrom: 0,
    });
  });

  it('puts scatter points in numeric pairs and refuses a column of text', () => {
    const data = shapeChartData(spec({ type: 'scatter', x: 'year', y: ['sales'] }), table);
    expect(data).toEqual({
      kind: 'points',
      series: [
        {
          label: 'sales',
          points: [
            { x: 2024, y: 10 },
            { x: 2024, y: 7.5 },
            { x: 2025, y: 12 },
          ],
        },
      ],
      thinnedFrom: 0,
    });
    expect(() => shapeChartData(spec({ type: 'scatter', x: 'region' }), table)).toThrow(/no numbers/);
  });

  it('thins long line series to a stable subset that keeps the ends and the peak', () => {
    const n = 5000;
    const rows = Array.from({ length: n }, (_, i) => [
      String(i),
      String(i === 2500 ? 1e6 : Math.sin(i / 50)),
    ]);
    const line = spec({ type: 'line', x: 'i', y: ['v'] });
    const data = shapeChartData(line, { columns: ['i', 'v'], rows });
    if (data.kind !== 'category') throw new Error('expected category data');
    expect(data.labels).toHaveLength(MAX_POINTS_PER_SERIES);
    expect(data.thinnedFrom).toBe(n);
    expect(data.labels[0]).toBe('0');
    expect(data.labels.at(-1)).toBe(String(n - 1));
    expect(data.series[0]?.values).toContain(1e6);
    expect(shapeChartData(line, { columns: ['i', 'v'], rows })).toEqual(data);
  });

  it('reads rows that stream past once, as the query worker hands them over', () => {
    let reads = 0;
    function* rows() {
      for (let i = 0; i < 300_000; i++) {
        reads += 1;
        yield [String(i % 10)];
      }
    }
    const data = shapeChartData(spec({ type: 'histogram', x: 'v', y: [], bins: 10 }), {
      columns: ['v'],
      rows: rows(),
    });
    expect(reads).toBe(300_000);
    if (data.kind !== 'category') throw new Error('expected category data');
    // Every value is counted: nothing is cut at a row limit.
    expect(data.series[0]?.values.reduce((sum: number, n) => sum + (n ?? 0), 0)).toBe(300_000);
  });

  it('refuses more bars or slices than can be drawn rather than drawing some of them', () => {
    const rows = Array.from({ length: MAX_CATEGORIES + 1 }, (_, i) => [`r${i}`, '1']);
    const bars = { columns: ['region', 'sales'], rows };
    expect(() => shapeChartData(spec({}), bars)).toThrow(
      /1,001 bars \(one per row\); a bar chart shows at most 1,000\. Group the view by "region"/,
    );
    expect(() => shapeChartData(spec({ type: 'pie' }), bars)).toThrow(/1,001 slices/);
    expect(shapeChartData(spec({}), { ...bars, rows: rows.slice(1) }).kind).toBe('category');
    // A line of as many points is thinned (and says so), not refused.
    expect(shapeChartData(spec({ type: 'line' }), bars).thinnedFrom).toBe(MAX_CATEGORIES + 1);
  });

  it('refuses a split into more series than can be told apart', () => {
    const rows = Array.from({ length: MAX_SERIES + 1 }, (_, i) => ['2024', '1', `s${i}`]);
    expect(() =>
      shapeChartData(spec({ type: 'line', x: 'year', series: 'who' }), {
        columns: ['year', 'sales', 'who'],
        rows,
      }),
    ).toThrow(/101 series; at most 100/);
  });

  it('gives the numbers as a table for the report', () => {
    const data = shapeChartData(spec({ y: ['sales', 'cost'] }), table);
    expect(chartDataRows(data, 'Region').slice(0, 3)).toEqual([
      ['Region', 'sales', 'cost'],
      ['North', '10', '4'],
      ['South', '7.5', ''],
    ]);
  });
});

describe('lttbIndices', () => {
  it('keeps everything below the threshold and exactly the threshold above it', () => {
    const points = Array.from({ length: 10 }, (_, x) => ({ x, y: x * x }));
    expect(lttbIndices(points, 20)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const kept = lttbIndices(points, 4);
    expect(kept).toHaveLength(4);
    expect(kept[0]).toBe(0);
    expect(kept[3]).toBe(9);
  });
});
