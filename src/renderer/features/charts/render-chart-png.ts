import type { ChartRecord } from '../../db';

/**
 * Renders a stored chart from its spec and the current data to PNG bytes, off screen, for reports
 * and packages (stub: implemented by the charts feature).
 */
export async function renderChartPng(
  _chart: ChartRecord,
  _options: { width: number; height: number },
): Promise<Uint8Array> {
  return Promise.reject(new Error('Chart rendering is not built yet.'));
}
