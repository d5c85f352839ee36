import type { ChartSpecInput } from '@core/charts';
import { ChartSpecSchema, OKABE_ITO, shapeChartData } from '@core/charts';
import { describe, expect, it } from 'vitest';
import { chartConfig, LIGHT_INK, PRINT_INK } from './chart-config';

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
  it('stacks a stacked bar chart on both axes and colours series with Okabe-Ito in order', () => {
    const stacked = config({ type: 'stacked-bar', x: 'year', series: 'region' });
    expect(stacked.type).toBe('bar');
    expect(stacked.options?.scales).toMatchObject({ x: { stacked: true }, y: { stacked: true } });
    expect(stacked.data.datasets.map((d) => d.backgroundColor)).toEqual([OKABE_ITO[0], OKABE_ITO[1]]);
    expect(config({}).options?.scales).toMatchObject({ x: { stacked: false }, y: { stacked: false } });
  });

  it('gives every pie slice its own colour and fills an area chart to the axis', () => {
    const pie = config({ type: 'pie' });
    expect(pie.type).toBe('pie');
    expect(pie.data.datasets[0]?.backgroundColor).toEqual([OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2]]);
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
});
