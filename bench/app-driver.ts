/** Drives the real app UI for the benchmark, the way a user imports and opens a dataset. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { basename } from 'node:path';
import { DatasetsPage } from '../e2e/pages/datasets-page';

/** Import from the Datasets screen's file picker; timed from choosing the file to the dataset being ready. */
export async function importCsvThroughUi(
  page: Page,
  csvPath: string,
): Promise<{ ms: number; datasetId: string }> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
  const datasets = new DatasetsPage(page);
  const name = basename(csvPath, '.csv');
  const started = Date.now();
  await datasets.importFiles(csvPath);
  // Rows of the list are ready datasets only: a pending import is never listed.
  await expect(datasets.row(name)).toBeVisible({ timeout: 30 * 60_000 });
  const ms = Date.now() - started;
  await datasets.row(name).getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(/#\/datasets\/[^/]+$/);
  const datasetId = decodeURIComponent(/#\/datasets\/([^/?]+)/.exec(page.url())?.[1] ?? '');
  return { ms, datasetId };
}

/**
 * Reload on the dataset's screen; the time from the reload's navigation start to the first frame
 * with grid cells, read in the page (expect() polling would add up to a second of its own).
 */
export async function openFirstRows(page: Page, datasetId: string): Promise<number> {
  await page.goto(`/#/datasets/${encodeURIComponent(datasetId)}`);
  await expect(page.getByRole('gridcell').first()).not.toHaveText('');
  await page.reload({ waitUntil: 'commit' });
  const firstRows = await page.waitForFunction(
    // A cell with text: the grid draws empty cells until the worker sends the values.
    () =>
      (document.querySelector('[role="gridcell"]')?.textContent ?? '') === '' ? false : performance.now(),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await firstRows.jsonValue()) as number;
}

/** A user flicking through the grid: 60 wheel steps of about a screen each, one per frame. */
export async function scrollGrid(page: Page): Promise<void> {
  await page.getByRole('grid').first().hover();
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 2500);
    await page.waitForTimeout(16);
  }
}
