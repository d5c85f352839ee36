import type { ChartSpec } from '@core/charts';
import { chartDataRows, ChartSpecSchema } from '@core/charts';
import { Chart } from 'chart.js';
import type { ChartRecord } from '../../db';
import { chartConfig, PRINT_INK } from './chart-config';
import { loadChartData } from './view-table';

function specOf(chart: ChartRecord): ChartSpec {
  const parsed = ChartSpecSchema.safeParse(chart.spec);
  if (!parsed.success)
    throw new Error(
      `Chart ${chart.id} is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`,
    );
  return parsed.data;
}

/** Draws a chart spec over data on a canvas that is never shown (no animation, white background). */
export async function drawChartPng(
  spec: ChartSpec,
  data: Parameters<typeof chartConfig>[1],
  options: { width: number; height: number },
): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = options.width;
  canvas.height = options.height;
  const chart = new Chart(canvas, chartConfig(spec, data, PRINT_INK, { responsive: false }));
  try {
    chart.draw();
    const blob = await new Promise<Blob | null>((resolve) => {
      canvas.toBlob(resolve, 'image/png');
    });
    if (!blob) throw new Error(`The chart "${spec.title}" could not be drawn as PNG.`);
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    chart.destroy();
  }
}

/**
 * Renders a stored chart from its spec and the current data (every row of its view, shaped in the
 * query worker) to PNG bytes, off screen, for reports and packages.
 */
export async function renderChartPng(
  chart: ChartRecord,
  options: { width: number; height: number },
): Promise<Uint8Array> {
  const spec = specOf(chart);
  const { data } = await loadChartData(spec);
  return drawChartPng(spec, data, options);
}

/** A stored chart's numbers as a table (header first), for the report's table next to the image. */
export async function chartTableRows(chart: ChartRecord): Promise<string[][]> {
  const spec = specOf(chart);
  const { data } = await loadChartData(spec);
  return chartDataRows(data, spec.xLabel || spec.x);
}
