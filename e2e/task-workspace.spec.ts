// Needs the task package import handler (helper "tasks"): importing the task package opens its workspace.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePublicKey } from '../src/core/minisign';
import { expect, test } from './fixtures';
import { DatasetViewPage } from './pages/dataset-view-page';
import { InboxPage } from './pages/inbox-page';
import { TaskWorkspacePage } from './pages/task-workspace-page';
import { seriousViolations } from './support/axe';
import { writeTaskPackage } from './support/packages';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function tinyPdf(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kpo-e2e-src-')), 'census.pdf');
  writeFileSync(path, '%PDF-1.4\n% test\n');
  return path;
}

test('the analyst charts a saved view, cites a source in a finding and answers every question', async ({
  app,
  page,
}) => {
  // One analyst's whole working session, with accessibility scans of every tab in both themes.
  test.setTimeout(180_000);
  await app.goto();
  await app.completeOnboarding();
  const { path, coordinator } = await writeTaskPackage();
  await app.openFromSidebar('Settings');
  await app.addTrustedKey(encodePublicKey(coordinator.secret), 'Cora Coordinator');
  await app.openFromSidebar('Inbox');
  const inbox = new InboxPage(page);
  await inbox.chooseFile(path);
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regional sales drivers' })).toBeVisible();
  const taskUrl = page.url();

  // A saved view of the task's dataset is what charts are built from.
  const dataset = page.getByRole('listitem', { name: 'Q4 sales' });
  await dataset.getByRole('link', { name: 'Q4 sales' }).click();
  const viewer = new DatasetViewPage(page);
  await viewer.settled();
  await viewer.saveView('All sales');
  await page.goto(taskUrl);

  const workspace = new TaskWorkspacePage(page);
  await workspace.openTab('Charts');
  await workspace.createChart({
    view: 'All sales (Q4 sales)',
    type: 'Bar',
    x: 'region',
    y: ['total'],
    title: 'Q4 sales by region',
    xLabel: 'Region',
    yLabel: 'Sales (EUR)',
    caption: 'The north sold more.',
  });
  const chart = workspace.chart('Q4 sales by region');
  await expect(chart.getByRole('img', { name: 'Q4 sales by region' })).toBeVisible();
  await expect(chart).toContainText('Source: Q4 sales, saved view "All sales"');
  const png = await workspace.saveChartPng('Q4 sales by region');
  expect(png.suggestedFilename()).toBe('q4-sales-by-region.png');
  expect([...readFileSync(await png.path()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);

  // Sources: only web addresses are accepted; the attached file is kept with the task.
  await workspace.openTab('Sources');
  const refused = await workspace.submitSource({
    title: 'Retail census',
    author: 'Statistics Office',
    url: 'javascript:alert(1)',
    notes: 'Table 4',
    file: tinyPdf(),
  });
  await expect(refused.getByText('Enter a web address starting with http:// or https://.')).toBeVisible();
  await refused.getByRole('textbox', { name: 'URL' }).fill('https://stats.example.org/census');
  await refused.getByRole('button', { name: 'Add source' }).click();
  await expect(refused).toBeHidden();
  const source = workspace.source('Retail census');
  await expect(source).toContainText('Statistics Office');
  await expect(source.getByRole('link', { name: 'https://stats.example.org/census' })).toBeVisible();
  await expect(source.getByRole('button', { name: 'Save census.pdf' })).toBeVisible();

  // Findings: references render in place and stay live; unsafe links lose their target.
  await workspace.openTab('Findings');
  const finding = await workspace.newFinding('North leads');
  await workspace.typeInFinding(finding, 'The north leads in Q4');
  await workspace.insertReference(finding, 'Cite source', 'Retail census');
  await workspace.typeInFinding(finding, '. [Click me](javascript:alert(1))\n\n');
  await workspace.insertReference(finding, 'Insert chart', 'Q4 sales by region');
  await workspace.insertReference(finding, 'Insert view table', 'All sales (Q4 sales)');
  await workspace.typeInFinding(finding, '[gone](kpo:chart/deleted-chart)');
  const preview = workspace.preview(finding);
  await expect(preview.getByTestId('citation')).toHaveText('Retail census [1]');
  await expect(preview.getByTestId('reference-list')).toContainText('[1] Retail census, Statistics Office');
  await expect(preview.getByRole('img', { name: 'Q4 sales by region' })).toBeVisible();
  await expect(preview.getByTestId('view-table').getByRole('row')).toHaveCount(3);
  await expect(preview.getByTestId('missing-reference')).toHaveText('[missing reference: chart]');
  await expect(preview.getByText('Click me')).toBeVisible();
  await expect(preview.locator('a[href^="javascript"]')).toHaveCount(0);
  await workspace.expectSaved(finding);
  expect(await seriousViolations(page)).toEqual([]);

  // A cited source cannot be deleted; the refusal names the finding.
  await workspace.openTab('Sources');
  const refusal = await workspace.deleteSource('Retail census');
  await expect(refusal.getByRole('alert')).toContainText('cited by finding "North leads"');
  await refusal.getByRole('button', { name: 'Cancel' }).click();

  await workspace.openTab('Answers');
  await workspace.writeAnswer(1, 'The **north** grew fastest.', ['Q4 sales by region', 'North leads']);
  await workspace.writeAnswer(2, 'Fewer orders in the south.', ['Retail census']);

  // Every tab reads well in both themes, with the charts drawn and the references resolved.
  const ready = {
    Charts: workspace.chart('Q4 sales by region').getByRole('img', { name: 'Q4 sales by region' }),
    Sources: workspace.source('Retail census'),
    Findings: workspace.preview(finding).getByTestId('citation'),
    Answers: workspace.answer(2),
  } as const;
  for (const scheme of ['light', 'dark'] as const) {
    if (scheme === 'dark') await page.getByTestId('theme-toggle').click();
    for (const [tab, shown] of Object.entries(ready) as [
      keyof typeof ready,
      (typeof ready)[keyof typeof ready],
    ][]) {
      await workspace.openTab(tab);
      await expect(shown).toBeVisible();
      expect(await seriousViolations(page), `${tab} in the ${scheme} theme`).toEqual([]);
    }
  }

  // Everything survives a reload: it was saved, not just shown.
  await page.reload();
  await workspace.openTab('Answers');
  await expect(workspace.answer(1).getByRole('textbox', { name: 'Answer to question 1' })).toHaveValue(
    'The **north** grew fastest.',
  );
  await workspace.openTab('Findings');
  const reloaded = workspace.preview(workspace.finding('North leads'));
  await expect(reloaded.getByTestId('citation')).toHaveText('Retail census [1]');
  await expect(reloaded.getByRole('img', { name: 'Q4 sales by region' })).toBeVisible();

  await expect(reloaded.getByTestId('missing-reference')).toHaveText('[missing reference: chart]');

  // A cited chart is not deleted from under its citations; the refusal names who cites it.
  await workspace.openTab('Charts');
  const chartRefusal = await workspace.deleteChart('Q4 sales by region');
  await expect(chartRefusal.getByRole('alert')).toContainText(
    'cited by finding "North leads", the answer to question 1',
  );
  await chartRefusal.getByRole('button', { name: 'Cancel' }).click();
  await expect(workspace.chart('Q4 sales by region')).toHaveCount(1);
});
