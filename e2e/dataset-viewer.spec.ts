import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DatasetViewPage } from './pages/dataset-view-page';
import { DatasetsPage } from './pages/datasets-page';
import { seriousViolations } from './support/axe';

const dir = mkdtempSync(join(tmpdir(), 'kpo-viewer-e2e-'));

/**
 * A spreadsheet export as analysts receive them: UTF-8 BOM, semicolons, a note spanning two lines,
 * a semicolon inside quotes, a missing amount and a cell that a spreadsheet would run as a formula.
 */
const SALES_CSV =
  '\uFEFFregion;product;amount;sold_on;note\r\n' +
  'North;Apple;1.5;2026-01-02;"first\r\nline"\r\n' +
  'South;Pear;2;2026-01-03;plain\r\n' +
  'North;Pear;3.25;2026-02-01;"has ; semicolon"\r\n' +
  'East;Apple;;2026-02-10;"=HYPERLINK(""http://x"")"\r\n' +
  'North;Apple;0.5;2026-03-05;plain\r\n' +
  'South;Apple;4;2026-03-06;plain\r\n';

/** 70,000 rows (two storage chunks) by 24 columns: far more than fit on screen either way. */
function wideCsv(rows: number, columns: number): string {
  const header = ['id', ...Array.from({ length: columns - 1 }, (_, j) => `col${j + 1}`)].join(',');
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    let line = String(i);
    for (let j = 1; j < columns; j++) line += `,${String.fromCharCode(97 + (j % 26))}${i % 9}`;
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

function writeFixture(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function importAndOpen(
  page: Page,
  fileName: string,
  content: string | Uint8Array,
): Promise<DatasetViewPage> {
  const datasets = new DatasetsPage(page);
  const name = fileName.replace(/\.csv$/, '');
  await datasets.importFiles(writeFixture(fileName, content));
  await expect(datasets.finished(fileName)).toContainText(`Imported ${fileName}`);
  await datasets.row(name).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const view = new DatasetViewPage(page);
  await expect(view.grid).toBeVisible();
  return view;
}

test.beforeEach(async ({ app }) => {
  await app.goto();
  await app.completeOnboarding();
  await app.openFromSidebar('Datasets');
});

test('an imported BOM/semicolon/multi-line CSV shows typed values in the grid and its profile', async ({
  page,
}) => {
  const view = await importAndOpen(page, 'sales.csv', SALES_CSV);
  await expect(view.viewRowCount).toHaveText('6 of 6 rows');
  await expect(view.grid).toHaveAttribute('aria-rowcount', '7');
  await expect(view.grid).toHaveAttribute('aria-colcount', '6');
  await expect
    .poll(async () => view.columnNames())
    .toEqual(['region', 'product', 'amount', 'sold_on', 'note']);
  await expect(view.columnHeader('amount').getByRole('img', { name: 'decimal column' })).toBeAttached();
  await expect(view.columnHeader('sold_on').getByRole('img', { name: 'date column' })).toBeAttached();
  await view.expectRows([
    ['North', 'Apple', '1.5', '2026-01-02', 'first\r\nline'],
    ['South', 'Pear', '2', '2026-01-03', 'plain'],
    ['North', 'Pear', '3.25', '2026-02-01', 'has ; semicolon'],
    ['East', 'Apple', '', '2026-02-10', '=HYPERLINK("http://x")'],
    ['North', 'Apple', '0.5', '2026-03-05', 'plain'],
    ['South', 'Apple', '4', '2026-03-06', 'plain'],
  ]);
  // Numbers are right-aligned.
  await expect(await view.cell(0, 'amount')).toHaveCSS('text-align', 'right');
  await expect(await view.cell(0, 'region')).not.toHaveCSS('text-align', 'right');

  await view.profile('amount');
  await expect(view.profileStat('Rows')).toContainText('6');
  await expect(view.profileStat('Missing')).toContainText('1');
  await expect(view.profileStat('Min')).toContainText('0.5');
  await expect(view.profileStat('Max')).toContainText('4');
  await expect(view.profileStat('Mean')).toContainText('2.25');
  await expect(view.profileStat('Median')).toContainText('2');
  await expect(view.profilePanel.getByRole('img', { name: 'Histogram of amount' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/dataset-viewer.png' });
  expect(await seriousViolations(page)).toEqual([]);

  // A top value of the region profile is a facet: clicking it filters to that value.
  await view.profile('region');
  await expect(view.profilePanel.getByTestId('top-values')).toContainText('North3');
  await view.profilePanel.getByRole('button', { name: 'North: 3 rows, filter to this value' }).click();
  await expect(view.viewRowCount).toHaveText('3 of 6 rows');
  await expect(view.profileStat('Rows')).toContainText('3');
});

test('sorting by header clicks, selecting cells and copying them as TSV', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const view = await importAndOpen(page, 'sales.csv', SALES_CSV);
  await view.sortBy('product');
  await view.sortBy('amount', { shift: true });
  await view.sortBy('amount', { shift: true });
  await expect(view.sortButton('product')).toHaveAccessibleName('product, sorted ascending, sort key 1');
  await expect(view.sortButton('amount')).toHaveAccessibleName('amount, sorted descending, sort key 2');
  await expect
    .poll(async () => (await view.rows()).map((r) => `${r[1]} ${r[2]}`))
    .toEqual(['Apple 4', 'Apple 1.5', 'Apple 0.5', 'Apple ', 'Pear 3.25', 'Pear 2']);

  await (await view.cell(0, 'region')).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await (await view.cell(1, 'amount')).click({ modifiers: ['Shift'] });
  await expect(view.grid.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(6);
  await expect(view.grid).toBeFocused();
  await page.keyboard.press('ControlOrMeta+C');
  await expect(page.getByText('Copied 6 cells as tab-separated text.')).toBeVisible();
  expect(await page.evaluate(async () => navigator.clipboard.readText())).toBe(
    'South\tApple\t4\r\nNorth\tApple\t1.5',
  );

  // Columns resize by dragging the header's edge.
  const header = view.columnHeader('product');
  const before = (await header.boundingBox())?.width ?? 0;
  const edge = await header.getByRole('separator', { name: 'Resize product' }).boundingBox();
  if (!edge) throw new Error('no resize handle');
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 80, edge.y + edge.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect
    .poll(async () => Math.round((await header.boundingBox())?.width ?? 0))
    .toBe(Math.round(before + 80));
  // The header menu resizes too, for keyboard users.
  await view.columnMenu('product', 'Make narrower');
  await expect
    .poll(async () => Math.round((await header.boundingBox())?.width ?? 0))
    .toBe(Math.round(before + 40));

  // Hide and move columns from the header menu.
  await view.columnMenu('note', 'Hide column');
  await view.columnMenu('amount', 'Move left');
  await expect.poll(async () => view.columnNames()).toEqual(['region', 'amount', 'product', 'sold_on']);
  // The columns menu lists every column: hidden ones can be shown again, any can be moved.
  await page.getByRole('button', { name: 'Columns (1 hidden)' }).click();
  const columns = page.getByRole('list', { name: 'Columns' });
  await columns.getByRole('checkbox', { name: 'note' }).check();
  await columns.getByRole('button', { name: 'Move sold_on left' }).click();
  await view.settled();
  await expect
    .poll(async () => view.columnNames())
    .toEqual(['region', 'amount', 'sold_on', 'product', 'note']);
});

test('filters with AND/OR groups update the row count as conditions are typed', async ({ page }) => {
  const view = await importAndOpen(page, 'sales.csv', SALES_CSV);
  await view.addCondition('amount', '≥', '1');
  await expect(view.viewRowCount).toHaveText('4 of 6 rows');
  await view.addGroup('Any (OR)', [
    { column: 'product', op: 'equals', value: 'Pear' },
    { column: 'region', op: 'equals', value: 'South' },
  ]);
  await expect(view.viewRowCount).toHaveText('3 of 6 rows');
  // A value that is not a number for a number column is noted and left out, not an error.
  await view.addCondition('amount', '<', 'lots');
  await expect(view.filters.getByTestId('filter-note')).toHaveText('Not applied: "lots" is not a number');
  expect(await seriousViolations(page)).toEqual([]);
  await expect(view.viewRowCount).toHaveText('3 of 6 rows');
  await view.filters.getByRole('button', { name: 'Remove condition' }).last().click();
  await view.addCondition('sold_on', 'between', ['2026-01-01', '2026-02-28']);
  await expect(view.viewRowCount).toHaveText('2 of 6 rows');
  await view.filters.getByRole('button', { name: 'Remove condition' }).last().click();
  await expect(view.viewRowCount).toHaveText('3 of 6 rows');
  await view.expectRows([
    ['South', 'Pear', '2', '2026-01-03', 'plain'],
    ['North', 'Pear', '3.25', '2026-02-01', 'has ; semicolon'],
    ['South', 'Apple', '4', '2026-03-06', 'plain'],
  ]);
});

test('a group-by of the filtered rows shows in the same grid and sorts there', async ({ page }) => {
  const view = await importAndOpen(page, 'sales.csv', SALES_CSV);
  await view.addCondition('note', 'starts with', 'PL');
  await expect(view.viewRowCount).toHaveText('3 of 6 rows');
  await view.groupByColumns(['region'], [{ op: 'count' }, { op: 'sum', column: 'amount' }]);
  await expect(view.viewRowCount).toHaveText('2 groups from 3 of 6 rows');
  await expect.poll(async () => view.columnNames()).toEqual(['region', 'count', 'sum(amount)']);
  await view.sortBy('sum(amount)');
  await view.expectRows([
    ['North', '1', '0.5'],
    ['South', '2', '6'],
  ]);
  await view.sortBy('sum(amount)');
  await view.expectRows([
    ['South', '2', '6'],
    ['North', '1', '0.5'],
  ]);
  expect(await seriousViolations(page)).toEqual([]);
  await view.profile('sum(amount)');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a pivot of two keys, and of a date bucket against a key', async ({ page }) => {
  const view = await importAndOpen(page, 'sales.csv', SALES_CSV);
  // One row per region, one column per product, the row count in each cell (none: empty).
  await view.pivot('region', 'product');
  await expect.poll(async () => view.columnNames()).toEqual(['region', 'Apple', 'Pear']);
  await expect(view.viewRowCount).toHaveText('3 groups from 6 of 6 rows');
  await view.expectRows([
    ['East', '1', ''],
    ['North', '2', '1'],
    ['South', '1', '1'],
  ]);
  await view.choose(view.groupBy.getByRole('combobox', { name: 'Rows' }), 'sold_on by month');
  await expect.poll(async () => view.columnNames()).toEqual(['sold_on (month)', 'Apple', 'Pear']);
  await view.expectRows([
    ['2026-01', '1', '1'],
    ['2026-02', '1', '1'],
    ['2026-03', '2', ''],
  ]);
});

test('a saved view reopens with its filters and grouping, and can be renamed and deleted', async ({
  page,
}) => {
  const view = await importAndOpen(page, 'sales.csv', SALES_CSV);
  await view.addCondition('product', 'equals', 'Pear');
  await view.groupByColumns(['region'], [{ op: 'mean', column: 'amount' }]);
  await expect(view.viewRowCount).toHaveText('2 groups from 2 of 6 rows');
  await view.sortBy('region');
  const grouped = [
    ['North', '3.25'],
    ['South', '2'],
  ];
  await view.expectRows(grouped);
  await view.saveView('Pears by region');

  await page.getByRole('link', { name: 'All datasets' }).click();
  await new DatasetsPage(page).row('sales').getByRole('link', { name: 'sales', exact: true }).click();
  await expect(view.viewRowCount).toHaveText('6 of 6 rows');
  await view.openView('Pears by region');
  await expect(view.viewRowCount).toHaveText('2 groups from 2 of 6 rows');
  await view.expectRows(grouped);
  await expect(view.filters.getByTestId('filter-condition')).toHaveCount(1);

  // Changing the open view and updating it replaces its spec.
  await view.sortBy('region');
  await view.expectRows([grouped[1] ?? [], grouped[0] ?? []]);
  await page.getByRole('button', { name: 'Update “Pears by region”' }).click();
  await expect(page.getByText('Updated view “Pears by region”.')).toBeVisible();
  await page.reload();
  await expect(view.viewRowCount).toHaveText('6 of 6 rows');
  await view.openView('Pears by region');
  await view.expectRows([grouped[1] ?? [], grouped[0] ?? []]);

  const list = await view.showSavedViews();
  await list.getByRole('button', { name: 'Rename view Pears by region' }).click();
  const rename = page.getByRole('dialog', { name: /^Rename view/ });
  await rename.getByLabel('View name').fill('Pear means');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  const renamed = await view.showSavedViews();
  await expect(renamed.getByRole('listitem')).toHaveText(['Pear means']);
  expect(await seriousViolations(page)).toEqual([]);
  await renamed.getByRole('button', { name: 'Delete view Pear means' }).click();
  await expect(renamed.getByRole('listitem')).toHaveCount(0);
});

test('exporting the view escapes formulas by default, and the export re-imports to the same rows', async ({
  page,
}) => {
  const view = await importAndOpen(page, 'sales.csv', SALES_CSV);
  await view.sortBy('amount');
  await view.columnMenu('sold_on', 'Hide column');
  await view.columnMenu('note', 'Move left');
  const shown = await view.rows();
  expect(shown).toHaveLength(6);

  const escaped = await view.exportCsv({ escapeFormulas: true });
  const escapedText = readFileSync(await escaped.path(), 'utf8');
  expect(escapedText.split('\r\n')[0]).toBe('region,product,note,amount');
  expect(escapedText).toContain(`'=HYPERLINK(""http://x"")`);

  const raw = await view.exportCsv({ escapeFormulas: false, fileName: 'sales view' });
  expect(raw.suggestedFilename()).toBe('sales view.csv');
  const bytes = readFileSync(await raw.path());
  expect(bytes.toString('utf8')).toContain('"=HYPERLINK(""http://x"")"');

  await page.getByRole('link', { name: 'All datasets' }).click();
  const reimported = await importAndOpen(page, 'sales view.csv', bytes);
  await expect.poll(async () => reimported.columnNames()).toEqual(['region', 'product', 'note', 'amount']);
  await reimported.expectRows(shown);
});

test('changing a column type says how many values became missing', async ({ page }) => {
  const view = await importAndOpen(page, 'sales.csv', SALES_CSV);
  await view.columnMenu('amount', 'Change type…');
  const dialog = page.getByRole('dialog', { name: 'Change the type of “amount”' });
  await dialog.getByRole('combobox', { name: 'New type' }).click();
  await page.getByRole('option', { name: 'integer', exact: true }).click();
  await dialog.getByRole('button', { name: 'Change type' }).click();
  await expect(dialog.getByTestId('type-change-result')).toHaveText(
    '“amount” is now integer; 3 values did not fit and became missing (e.g. “1.5”, “3.25”, “0.5”).',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(view.columnHeader('amount').getByRole('img', { name: 'integer column' })).toBeAttached();
  await expect.poll(async () => (await view.rows()).map((r) => r[2])).toEqual(['', '2', '', '', '', '4']);

  // A link to a dataset that does not exist says so.
  await page.goto('/#/datasets/no-such-dataset');
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset not found' })).toBeVisible();
  await expect(page.getByText('This dataset no longer exists.')).toBeVisible();
});

test('a 70,000 x 24 dataset renders only what is on screen and reaches its last cell by keyboard', async ({
  page,
}) => {
  const view = await importAndOpen(page, 'wide.csv', wideCsv(70_000, 24));
  await expect(view.viewRowCount).toHaveText('70,000 of 70,000 rows');
  await expect(view.grid).toHaveAttribute('aria-rowcount', '70001');
  await expect(view.grid).toHaveAttribute('aria-colcount', '25');
  const renderedRows = await view.grid.getByRole('row').count();
  const renderedColumns = await view.grid.locator('[role="columnheader"][data-column]').count();
  expect(renderedRows).toBeLessThan(80);
  expect(renderedColumns).toBeLessThan(24);

  await (await view.cell(0, 'id')).click();
  await page.keyboard.press('ControlOrMeta+End');
  const last = view.grid.locator('[role="row"][aria-rowindex="70001"]');
  await expect(last.getByRole('rowheader')).toHaveText('70000');
  // Row 69,999 (0-based) lives in the second storage chunk; its last column is col23 = "x" + 69999 % 9.
  await expect(last.locator('[role="gridcell"][aria-colindex="25"]')).toHaveText('x6');
  await expect(last.locator('[role="gridcell"][aria-colindex="25"]')).toHaveAttribute(
    'aria-selected',
    'true',
  );

  await page.keyboard.press('ControlOrMeta+Home');
  await view.sortBy('id');
  await view.sortBy('id');
  await expect(view.grid.locator('[role="row"][aria-rowindex="2"] [role="rowheader"]')).toHaveText('70000');
  await expect(await view.cell(0, 'id')).toHaveText('69999');
});

test('a million rows scroll in one area; more than that are paged, and the keyboard crosses pages', async ({
  page,
}) => {
  const numbers = ['n', ...Array.from({ length: 1_000_001 }, (_, i) => String(i))].join('\n') + '\n';
  const view = await importAndOpen(page, 'numbers.csv', numbers);
  await expect(view.viewRowCount).toHaveText('1,000,001 of 1,000,001 rows');
  const pages = page.getByTestId('grid-pages');
  await expect(pages).toContainText('Rows 1–1,000,000 of 1,000,001');
  // Each page's scroll area stays under the ~33.5 million pixel height browsers allow.
  expect(await view.grid.evaluate((el) => el.scrollHeight)).toBeLessThan(2 ** 25);

  await (await view.cell(0, 'n')).click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect(pages).toContainText('Rows 1,000,001–1,000,001 of 1,000,001');
  const last = view.grid.locator('[role="row"][aria-rowindex="1000002"]');
  await expect(last.getByRole('rowheader')).toHaveText('1000001');
  await expect(last.getByRole('gridcell')).toHaveText('1000000');
  await expect(last.getByRole('gridcell')).toHaveAttribute('aria-selected', 'true');

  await pages.getByRole('button', { name: 'Previous rows' }).click();
  await expect(pages).toContainText('Rows 1–1,000,000 of 1,000,001');
  await expect(await view.cell(0, 'n')).toHaveText('0');
  await pages.getByRole('button', { name: 'Next rows' }).click();
  await expect(await view.cell(1_000_000, 'n')).toHaveText('1000000');
});
