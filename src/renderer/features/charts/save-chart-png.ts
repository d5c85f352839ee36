import type { ChartData, ChartSpec } from '@core/charts';
import { platform } from '../../platform';
import { drawChartPng } from './render-chart-png';

export const PNG_SIZE = { width: 1200, height: 700 };

export function pngFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${slug || 'chart'}.png`;
}

/** Draws the chart as it is now and offers it as a PNG file. */
export async function saveChartPng(spec: ChartSpec, data: ChartData): Promise<boolean> {
  const bytes = await drawChartPng(spec, data, PNG_SIZE);
  const outcome = await platform.saveFile({
    suggestedName: pngFileName(spec.title),
    filters: [{ name: 'PNG image', extensions: ['png'] }],
    data: bytes,
  });
  return outcome.saved;
}
