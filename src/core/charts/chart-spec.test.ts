import { describe, expect, it } from 'vitest';
import { ChartSpecSchema, chartSpecProblem } from './chart-spec';

const base = { viewId: 'v1', type: 'bar', x: 'region', y: ['sales'], title: 'Sales by region' };

describe('chart spec', () => {
  it('accepts a complete spec and fills optional texts', () => {
    expect(ChartSpecSchema.parse(base)).toEqual({
      ...base,
      xLabel: '',
      yLabel: '',
      caption: '',
      sourceNote: '',
    });
  });

  it('refuses unknown types, unknown fields and charts without values', () => {
    expect(ChartSpecSchema.safeParse({ ...base, type: 'radar' }).success).toBe(false);
    expect(ChartSpecSchema.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    expect(chartSpecProblem({ ...base, y: [] })).toMatch(/\(y\).*at least one value column/);
  });

  it('lets a histogram go without value columns but not split by series', () => {
    expect(ChartSpecSchema.safeParse({ ...base, type: 'histogram', y: [] }).success).toBe(true);
    expect(chartSpecProblem({ ...base, type: 'histogram', y: [], series: 'year' })).toMatch(/series/);
  });

  it('gives pie and doughnut charts exactly one value column', () => {
    expect(chartSpecProblem({ ...base, type: 'pie', y: ['a', 'b'] })).toMatch(/one value column/);
    expect(chartSpecProblem({ ...base, type: 'doughnut' })).toBeUndefined();
  });

  it('splits by series only with one value column and checks bins', () => {
    expect(chartSpecProblem({ ...base, y: ['a', 'b'], series: 'year' })).toMatch(/series/);
    expect(chartSpecProblem({ ...base, series: 'year' })).toBeUndefined();
    expect(chartSpecProblem({ ...base, type: 'histogram', bins: 1 })).toMatch(/bins/);
  });
});
