import type { ChartSpecInput } from '@core/charts';
import { ChartSpecSchema, SERIES_PALETTES, shapeChartData } from '@core/charts';
import { describe, expect, it } from 'vitest';
import { chartConfig, colourRepeatWarning, DARK_INK, LIGHT_INK, PRINT_INK } from './chart-config';

const LIGHT = SERIES_PALETTES.light;

const table = {
  columns: ['region', 'year', 'sales'],
  rows: [
    ['north', '2024', '10'],
    ['south', '2024', '7'],
    ['north', '2025', '12'],
  ],
};
const spec = (input: Partial<ChartSpecInput>) =>
  ChartSpecSchema.parse({ viewId: 'v', type: 'bar', x: 'region', y: ['sales'], title: 'Sales', ...input });
const config = (input: Partial<ChartSpecInput>, ink = LIGHT_INK) => {
  const s = spec(input);
  return chartConfig(s, shapeChartData(s, table), ink, { responsive: false });
};

describe('chartConfig', () => {
  it('stacks a stacked bar chart on both axes and colours series from the theme palette in order', () => {
    const stacked = config({ type: 'stacked-bar', x: 'year', series: 'region' });
    expect(stacked.type).toBe('bar');
    expect(stacked.options?.scales).toMatchObject({ x: { stacked: true }, y: { stacked: true } });
    expect(stacked.data.datasets.map((d) => d.backgroundColor)).toEqual([LIGHT[0], LIGHT[1]]);
    expect(config({}).options?.scales).toMatchObject({ x: { stacked: false }, y: { stacked: false } });
  });

  it('gives every pie slice its own colour and fills an area chart to the axis', () => {
    const pie = config({ type: 'pie' });
    expect(pie.type).toBe('pie');
    expect(pie.data.datasets[0]?.backgroundColor).toEqual([LIGHT[0], LIGHT[1], LIGHT[2]]);
    const area = config({ type: 'area', x: 'year' });
    expect(area.type).toBe('line');
    expect(area.data.datasets[0]).toMatchObject({ fill: 'origin' });
  });

  it('draws without animation, titles the chart and axes, and paints white only for PNGs', () => {
    const bar = config({ xLabel: 'Region', yLabel: 'EUR' }, PRINT_INK);
    expect(bar.options?.animation).toBe(false);
    expect(bar.options?.plugins?.title).toMatchObject({ display: true, text: 'Sales' });
    expect(bar.options?.scales).toMatchObject({
      x: { title: { display: true, text: 'Region' } },
      y: { title: { display: true, text: 'EUR' } },
    });
    expect(bar.options?.plugins).toMatchObject({ kpoBackground: { colour: '#ffffff' } });
    expect(config({}).options?.plugins).toMatchObject({ kpoBackground: { colour: undefined } });
  });

  it('plots scatter points on a linear x axis', () => {
    const scatter = config({ type: 'scatter', x: 'year' });
    expect(scatter.type).toBe('scatter');
    expect(scatter.options?.scales?.x).toMatchObject({ type: 'linear' });
    expect(scatter.data.datasets[0]?.data).toEqual([
      { x: 2024, y: 10 },
      { x: 2024, y: 7 },
      { x: 2025, y: 12 },
    ]);
  });

  it('uses the dark palette on the dark theme and the light one in PNGs', () => {
    expect(config({}, DARK_INK).data.datasets[0]?.backgroundColor).toBe(SERIES_PALETTES.dark[0]);
    expect(config({}, PRINT_INK).data.datasets[0]?.backgroundColor).toBe(LIGHT[0]);
  });

  it('dashes lines and reshapes points once the colours repeat, so no two series look alike', () => {
    const many = {
      columns: ['x', 'series', 'y'],
      rows: Array.from({ length: LIGHT.length + 2 }, (_, i) => ['1', `s${i}`, String(i)]),
    };
    const line = spec({ type: 'line', x: 'x', y: ['y'], series: 'series' });
    const lines = chartConfig(line, shapeChartData(line, many), LIGHT_INK, { responsive: false });
    const first = lines.data.datasets[0] as { borderColor: string; borderDash: number[] };
    const repeat = lines.data.datasets[LIGHT.length] as { borderColor: string; borderDash: number[] };
    expect(repeat.borderColor).toBe(first.borderColor);
    expect(first.borderDash).toEqual([]);
    expect(repeat.borderDash).not.toEqual([]);
    const dots = spec({ type: 'scatter', x: 'x', y: ['y'], series: 'series' });
    const scatter = chartConfig(dots, shapeChartData(dots, many), LIGHT_INK, { responsive: false });
    const shapes = scatter.data.datasets.map((d) => (d as { pointStyle: string }).pointStyle);
    expect(shapes[0]).not.toBe(shapes[LIGHT.length]);
  });

  it('warns in the editor when bars or slices must share colours', () => {
    const many = {
      columns: ['x', 'series', 'y'],
      rows: Array.from({ length: LIGHT.length + 1 }, (_, i) => [`x${i}`, `s${i}`, String(i)]),
    };
    const warn = (input: Partial<ChartSpecInput>) => {
      const s = spec(input);
      return colourRepeatWarning(s, shapeChartData(s, many), LIGHT.length);
    };
    expect(warn({ type: 'pie', x: 'x', y: ['y'] })).toMatch(/^8 slices share 7 colours.*Show fewer/);
    expect(warn({ type: 'bar', x: 'x', y: ['y'], series: 'series' })).toMatch(/8 series share 7 colours/);
    expect(warn({ type: 'line', x: 'x', y: ['y'], series: 'series' })).toMatch(/drawn dashed/);
    expect(warn({ type: 'bar', x: 'x', y: ['y'] })).toBeUndefined();
  });

  it('says on the chart itself (so in PNGs and reports too) when a line is thinned, and only then', () => {
    const long = {
      columns: ['x', 'y'],
      rows: Array.from({ length: 5000 }, (_, i) => [String(i), String(Math.sin(i))]),
    };
    const line = spec({ type: 'line', x: 'x', y: ['y'] });
    const thinned = chartConfig(line, shapeChartData(line, long), PRINT_INK, { responsive: false });
    expect(thinned.options?.plugins?.subtitle).toMatchObject({
      display: true,
      text: 'Thinned for drawing: 1,000 of 5,000 points, chosen to keep the shape (LTTB).',
    });
    expect(config({}).options?.plugins?.subtitle).toMatchObject({ display: false });
  });
});
