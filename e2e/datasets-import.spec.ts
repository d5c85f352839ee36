import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DatasetsPage } from './pages/datasets-page';
import { seriousViolations } from './support/axe';

const dir = mkdtempSync(join(tmpdir(), 'kpo-datasets-e2e-'));

function writeFixture(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A European-style export: UTF-8 BOM, semicolons, decimal commas, a note spanning two lines. */
const EUROPEAN_CSV =
  '\uFEFFcidade;nota;valor;data\r\n' +
  'Lisboa;"primeira\r\nlinha";1,5;2026-01-02\r\n' +
  'Porto;simples;2;2026-01-03\r\n' +
  '"São Paulo";"com ; dentro";3,25;2026-01-04\r\n';

/** Free text long enough that 200,000 rows take a few seconds to import, so Cancel can be clicked mid-way. */
const NOTE = 'a free-text comment as analysts write them, long enough to make the file about 30 MB in all, ';

function bigCsv(rows: number): string {
  const regions = ['north', 'south', 'east', 'west', 'centre'];
  const lines = ['id,region,amount,note,when'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${i},${regions[i % 5]},${(i * 1.37).toFixed(2)},"row ${i}: ${NOTE}",2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    );
  return lines.join('\n') + '\n';
}

/** What IndexedDB holds, read directly: pending datasets are not listed, so the screen cannot tell. */
async function storedCounts(page: Page): Promise<{ datasets: number; chunks: number }> {
  return page.evaluate(
    async () =>
      new Promise<{ datasets: number; chunks: number }>((resolve, reject) => {
        const open = indexedDB.open('kpo-workbench');
        open.onerror = () => {
          reject(new Error(String(open.error)));
        };
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['datasets', 'datasetChunks'], 'readonly');
          const datasets = tx.objectStore('datasets').count();
          const chunks = tx.objectStore('datasetChunks').count();
          tx.oncomplete = () => {
            db.close();
            resolve({ datasets: datasets.result, chunks: chunks.result });
          };
        };
      }),
  );
}

test.beforeEach(async ({ app }) => {
  await app.goto();
  await app.completeOnboarding();
  await app.openFromSidebar('Datasets');
});

test('the empty screen says how to start and has no accessibility violations', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
  await expect(page.getByText(/Use Import CSV or drop one or more CSV files here/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a BOM, semicolon, quoted-newline CSV imports with the right shape, opens, and survives a reload', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page);
  await datasets.importFiles(writeFixture('vendas.csv', EUROPEAN_CSV));
  await expect(datasets.finished('vendas.csv')).toContainText('Imported vendas.csv: 3 rows, 4 columns');
  const row = datasets.row('vendas');
  await expect(row).toContainText('vendas.csv');
  await expect(row.getByRole('cell').nth(2)).toHaveText('3');
  await expect(row.getByRole('cell').nth(3)).toHaveText('4');
  expect(await seriousViolations(page)).toEqual([]);

  await datasets.openReport('vendas');
  await expect(datasets.fact('Encoding')).toContainText('UTF-8 (from the byte order mark)');
  await expect(datasets.fact('Delimiter')).toContainText('Semicolon (;) (detected)');
  await expect(datasets.fact('Header row')).toContainText('Yes');
  await expect(datasets.fact('Line breaks')).toContainText('CRLF');
  await expect(datasets.reportDialog.getByTestId('report-columns')).toContainText('valor');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await datasets.row('vendas').getByRole('link', { name: 'vendas' }).click();
  await expect(page).toHaveURL(/#\/datasets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'vendas' })).toBeVisible();
  await expect(page.getByTestId('dataset-row-count')).toHaveText('3 rows');

  await page.reload();
  await expect(page.getByTestId('dataset-row-count')).toHaveText('3 rows');
  await page.getByRole('link', { name: 'All datasets' }).click();
  await expect(datasets.row('vendas')).toBeVisible();
});

test('a 200,000-row file shows progress, and Cancel leaves no dataset behind', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  await datasets.importFiles(writeFixture('big.csv', bigCsv(200_000)));
  const progress = page.getByRole('progressbar', { name: 'Import progress for big.csv' });
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('import-progress')).toHaveText(/MB of \d+(\.\d)? MB · [1-9][\d,]* rows/);
  await page.getByRole('button', { name: 'Cancel import of big.csv' }).click();
  await expect(datasets.finished('big.csv')).toContainText('Import of big.csv cancelled');
  await expect(datasets.finished('big.csv')).toContainText('Nothing was stored.');
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
});

test('a 200,000-row file imports completely with its row count and SHA-256', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  const content = bigCsv(200_000);
  await datasets.importFiles(writeFixture('big-complete.csv', content));
  await expect(page.getByRole('progressbar', { name: 'Import progress for big-complete.csv' })).toBeVisible();
  await expect(datasets.finished('big-complete.csv')).toContainText('200,000 rows, 5 columns', {
    timeout: 45_000,
  });
  await expect(datasets.row('big-complete').getByRole('cell').nth(2)).toHaveText('200,000');
  // Hashed in a worker of its own beside the import, reading the file a second time.
  await datasets.openReport('big-complete');
  await expect(datasets.fact('SHA-256')).toContainText(createHash('sha256').update(content).digest('hex'));
});

test('ragged rows and renamed headers are imported and listed in the report with their line numbers', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page);
  const csv = 'id,name,name,\n1,a,b,c\n2,short\n"3","multi\nline",x,y\n4,a,b,c,EXTRA\n5,a,b,c\n';
  await datasets.importFiles(writeFixture('ragged.csv', csv));
  const notice = datasets.finished('ragged.csv');
  await expect(notice).toContainText('2 rows had the wrong number of fields');
  await expect(notice).toContainText('2 column names were empty or repeated and renamed');
  await notice.getByRole('button', { name: 'Show import report' }).click();
  const ragged = datasets.reportDialog.getByRole('table', { name: 'Ragged rows' });
  await expect(ragged.getByRole('row')).toHaveText([/Line in file/, /^3\s*4\s*2$/, /^6\s*4\s*5$/]);
  await expect(datasets.reportDialog.getByTestId('header-notices')).toContainText(
    'repeated the name "name": now name_2',
  );
  await expect(datasets.reportDialog.getByTestId('header-notices')).toContainText(
    'Column 4 had no name: now column_4',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('theme-toggle').click();
  await expect(notice).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await notice.getByRole('button', { name: 'Show import report' }).click();
  await expect(datasets.reportDialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a binary file and an unterminated quote are refused with clear messages, storing nothing', async ({
  page,
}) => {
  const datasets = new DatasetsPage(page);
  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x21, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  await datasets.importFiles(
    writeFixture('archive.csv', zip),
    writeFixture('open-quote.csv', 'a,b\n1,2\n3,"never closed\n4,5\n'),
  );
  await expect(datasets.finished('archive.csv')).toContainText('Could not import archive.csv');
  await expect(datasets.finished('archive.csv')).toContainText('This is not a text file');
  await expect(datasets.finished('open-quote.csv')).toContainText(
    'A quoted field opened on line 3 is never closed.',
  );
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('several files at once are imported one after another, and a dropped file too', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  await datasets.importFiles(
    writeFixture('first.csv', 'a,b\n1,2\n'),
    writeFixture('second.csv', 'x\ty\tz\n1\t2\t3\n4\t5\t6\n'),
  );
  await expect(datasets.row('first')).toBeVisible();
  await expect(datasets.row('second').getByRole('cell').nth(2)).toHaveText('2');
  await expect(datasets.row('second').getByRole('cell').nth(3)).toHaveText('3');
  await datasets.dropFile('dropped.csv', 'k,v\nx,1\n');
  await expect(datasets.row('dropped')).toBeVisible();
  await expect(datasets.table.getByRole('row')).toHaveCount(4);
});

test('rename, re-import without a header row, and delete a dataset', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  await datasets.importFiles(writeFixture('people.csv', 'ana,32\nrui,41\n'));
  await expect(datasets.row('people').getByRole('cell').nth(2)).toHaveText('1');

  await datasets.action('people', 'Rename');
  const rename = page.getByRole('dialog', { name: 'Rename dataset' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('   ');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename.getByText('Enter a name for the dataset.')).toBeVisible();
  await rename.getByRole('textbox', { name: 'Name' }).fill('Staff ages');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename).toBeHidden();
  await expect(datasets.row('Staff ages')).toBeVisible();

  // The first line was data, not names: re-import with the header option off.
  const report = await datasets.openReport('Staff ages');
  await report.getByRole('checkbox', { name: 'The first row holds the column names' }).uncheck();
  await report.getByRole('button', { name: 'Re-import' }).click();
  await expect(report).toBeHidden();
  await expect(datasets.row('Staff ages').getByRole('cell').nth(2)).toHaveText('2');
  await expect(datasets.table.getByRole('row')).toHaveCount(2);
  await datasets.openReport('Staff ages');
  await expect(datasets.fact('Header row')).toHaveText(/No$/);
  await page.keyboard.press('Escape');

  await datasets.action('Staff ages', 'Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete Staff ages?' });
  await expect(confirm).toContainText('2 rows');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(datasets.row('Staff ages')).toBeVisible();
  await datasets.action('Staff ages', 'Delete');
  await confirm.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
});

test('a file over the size limit set in Settings is refused before it is read', async ({ app, page }) => {
  const datasets = new DatasetsPage(page);
  await app.openFromSidebar('Settings');
  const section = page.getByRole('region', { name: 'Datasets' });
  await section.getByRole('textbox', { name: 'Largest CSV file to import (MB)' }).fill('1');
  await section.getByRole('button', { name: 'Save limit' }).click();
  await expect(page.getByText('Import size limit saved.')).toBeVisible();

  await app.openFromSidebar('Datasets');
  await datasets.importFiles(writeFixture('too-big.csv', 'n\n' + '12345\n'.repeat(200_000)));
  await expect(datasets.finished('too-big.csv')).toContainText(
    'too-big.csv is 1.1 MB, over the import limit of 1.0 MB. The limit can be raised in Settings → Datasets.',
  );
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
});

test('CSV files can be imported from the command palette on any screen', async ({ app, page }) => {
  const datasets = new DatasetsPage(page);
  await app.openFromSidebar('Inbox');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('ControlOrMeta+K');
  await page.getByRole('textbox', { name: 'Command palette search' }).fill('Import CSV');
  await page.getByRole('button', { name: /Import CSV files/ }).click();
  await (await chooser).setFiles(writeFixture('from-palette.csv', 'a,b\n1,2\n3,4\n'));
  await expect(app.screenHeading('Datasets')).toBeVisible();
  await expect(datasets.row('from-palette').getByRole('cell').nth(2)).toHaveText('2');
});

test('an import cut off by closing the page leaves nothing behind once the app starts again', async ({
  app,
  page,
}) => {
  const datasets = new DatasetsPage(page);
  await datasets.importFiles(writeFixture('interrupted.csv', bigCsv(200_000)));
  // Wait until chunks are really stored under the pending dataset, then pull the plug.
  await expect.poll(async () => (await storedCounts(page)).chunks, { timeout: 20_000 }).toBeGreaterThan(0);
  expect((await storedCounts(page)).datasets).toBe(1);
  await page.reload();
  await expect(app.screenHeading('Datasets')).toBeVisible();
  await expect.poll(async () => storedCounts(page)).toEqual({ datasets: 0, chunks: 0 });
  await expect(page.getByRole('heading', { name: 'No datasets yet' })).toBeVisible();
});

test('opening a second window during an import does not sweep that live import away', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  await datasets.importFiles(writeFixture('two-windows.csv', bigCsv(200_000)));
  await expect.poll(async () => (await storedCounts(page)).chunks, { timeout: 20_000 }).toBeGreaterThan(0);

  // Same origin, same database: the second window runs the start-up sweep while the first imports.
  const second = await page.context().newPage();
  await second.goto('/#/datasets');
  await expect(second.getByRole('heading', { level: 1, name: 'Datasets' })).toBeVisible();

  await expect(datasets.row('two-windows').getByRole('cell').nth(2)).toHaveText('200,000', {
    timeout: 30_000,
  });
  await expect(new DatasetsPage(second).row('two-windows')).toBeVisible();
  await second.close();
});

test('a failed import can be tried again with another encoding', async ({ page }) => {
  const datasets = new DatasetsPage(page);
  // Valid UTF-8 first, then (megabytes later, in another read) a Windows-1252 byte: no single encoding fits.
  const utf8 = Buffer.from('name\ncafé\n' + 'x\n'.repeat(1_000_000), 'utf8');
  const bytes = Buffer.concat([utf8, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
  await datasets.importFiles(writeFixture('mixed.csv', bytes));
  const failed = datasets.finished('mixed.csv');
  await expect(failed).toContainText('not valid UTF-8 past its beginning');
  await failed.getByRole('button', { name: 'Try other import options' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import mixed.csv with other options' });
  await expect(dialog.getByRole('combobox', { name: 'Encoding' })).toHaveValue(
    'Windows-1252 (Western European)',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Import again' }).click();
  await expect(datasets.row('mixed').getByRole('cell').nth(2)).toHaveText('1,000,002', { timeout: 30_000 });
  await datasets.openReport('mixed');
  await expect(datasets.fact('Encoding')).toContainText('Windows-1252 (Western European) (chosen by you)');
});
