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

/** Reload on the dataset's screen and time until the first grid cells are on screen. */
export async function openFirstRows(page: Page, datasetId: string): Promise<number> {
  await page.goto(`/#/datasets/${encodeURIComponent(datasetId)}`);
  await expect(page.getByRole('gridcell').first()).toBeVisible();
  const started = Date.now();
  await page.reload();
  await expect(page.getByRole('gridcell').first()).toBeVisible();
  return Date.now() - started;
}

/** A user flicking through the grid: 60 wheel steps of about a screen each, one per frame. */
export async function scrollGrid(page: Page): Promise<void> {
  await page.getByRole('grid').first().hover();
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 2500);
    await page.waitForTimeout(16);
  }
}
