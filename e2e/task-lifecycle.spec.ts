import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './pages/app-page';
import { DatasetViewPage } from './pages/dataset-view-page';
import { DatasetsPage } from './pages/datasets-page';
import { InboxPage } from './pages/inbox-page';
import { SubmitPage } from './pages/submit-page';
import { TaskEditorPage } from './pages/task-editor-page';
import { TaskQcTimePage } from './pages/task-qc-time-page';
import { TaskWorkspacePage } from './pages/task-workspace-page';
import { expect, test } from './fixtures';
import { seriousViolations } from './support/axe';
import { collectConsoleErrors } from './support/console-noise';

const CORA = {
  name: 'Cora Coordinator',
  organisation: 'Contoso Insights',
  email: 'cora@contoso.example',
  roles: ['Coordinator'],
};

const CSV =
  'region,month,revenue\nNorth,2026-01,1200.50\nSouth,2026-01,830\nNorth,2026-02,1410.25\nSouth,2026-02,790\n';

const TITLE = 'Regional revenue drivers';
const CHART = 'Revenue by region';
const SOURCE = 'Retail census';

/**
 * The built-in "Research task" template, cut down to these items (by their 1-based position in the
 * template), so the checklist has automatic items, a critical manual item needing evidence and room
 * for one item written for this task.
 */
const KEPT_TEMPLATE_ITEMS = [1, 2, 5, 12, 16];
const TEMPLATE_SIZE = 16;

function run(command: string, args: string[], cwd?: string): { status: number | null; out: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

test('a task goes from the coordinator brief to a signed, verifiable submission with its report', async ({
  app,
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const scratch = mkdtempSync(join(tmpdir(), 'kpo-e2e-lifecycle-'));
  const csvPath = join(scratch, 'regional-sales.csv');
  writeFileSync(csvPath, CSV);

  const analystContext = await browser.newContext();
  const analystPage = await analystContext.newPage();
  const analystErrors = collectConsoleErrors(analystPage);
  const analyst = new AppPage(analystPage);
  let analystKey = { text: '', keyId: '' };
  let coordinatorKey = { text: '', keyId: '' };
  const taskPath = join(scratch, 'task.kpo');

  await test.step('both people create their profiles and the coordinator trusts the analyst', async () => {
    await analyst.goto();
    await analyst.completeOnboarding();
    analystKey = await analyst.ownPublicKey();
    await app.goto();
    await app.completeOnboarding(CORA);
    coordinatorKey = await app.ownPublicKey();
    await app.addTrustedKey(analystKey.text, 'Ana Analyst');
    await expect(page.getByTestId('trusted-keys-table')).toContainText(analystKey.keyId);
  });

  await test.step('the coordinator writes the task with a CSV and an edited built-in checklist, and exports it', async () => {
    await app.openFromSidebar('Inbox');
    const editor = new TaskEditorPage(page);
    await editor.newTask();
    const person = `Ana Analyst (${analystKey.keyId})`;
    await editor.fill({
      title: TITLE,
      client: 'Northwind Ltd',
      brief: '# Scope\n\nExplain the **regional** revenue gap.',
      questions: ['Which region earned more?', 'What explains the gap in the south?'],
      due: '2030-03-20T17:00',
      priority: 'High',
      estimateHours: '12',
      analyst: person,
      reviewer: person,
    });
    await editor.attachCsv(csvPath);
    await expect(editor.dataset('regional-sales').getByTestId('dataset-status')).toHaveText(
      'Ready · 4 rows · 3 columns',
    );

    const form = editor.form;
    await form
      .getByLabel('Template')
      .selectOption({ label: `Research task (built in) · ${TEMPLATE_SIZE} items` });
    await form.getByRole('button', { name: 'Use template' }).click();
    await expect(form.getByLabel(`Checklist item ${TEMPLATE_SIZE}`, { exact: true })).toBeVisible();
    for (let n = TEMPLATE_SIZE; n >= 1; n -= 1)
      if (!KEPT_TEMPLATE_ITEMS.includes(n))
        await form.getByRole('button', { name: `Remove checklist item ${n}`, exact: true }).click();
    await expect(
      form.getByLabel(`Checklist item ${KEPT_TEMPLATE_ITEMS.length + 1}`, { exact: true }),
    ).toHaveCount(0);
    await form.getByLabel('Checklist item 2', { exact: true }).fill('Every factual claim cites a source');
    // The template's automatic checks are shown with each item, so a rewrite never hides one.
    await expect(form.getByLabel('Automatic check of item 1', { exact: true })).toHaveValue(
      'Every question answered',
    );
    await expect(form.getByLabel('Automatic check of item 2', { exact: true })).toHaveValue(
      'None: checked by the analyst',
    );
    await editor.addChecklistItem(KEPT_TEMPLATE_ITEMS.length + 1, {
      text: 'Units stated on every chart',
      severity: 'Minor',
      evidenceRequired: false,
    });
    await editor.save();

    const fileName = await editor.exportPackage(taskPath);
    expect(fileName).toBe('Regional-revenue-drivers.task.kpo');
    await expect(page.getByTestId('task-state')).toHaveText('Assigned');
  });

  const workspace = new TaskWorkspacePage(analystPage);
  let taskUrl = '';

  await test.step('the analyst trusts the coordinator, imports the task and starts work', async () => {
    await analyst.addTrustedKey(coordinatorKey.text, 'Cora Coordinator');
    await expect(analystPage.getByTestId('trusted-keys-table')).toContainText(coordinatorKey.keyId);
    await analyst.openFromSidebar('Inbox');
    const inbox = new InboxPage(analystPage);
    await inbox.chooseFile(taskPath);
    await expect(inbox.status).toHaveText('Trusted');
    expect(await seriousViolations(analystPage), 'import dialog of a trusted package').toEqual([]);
    await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(inbox.dialog).toBeHidden();
    await expect(analystPage.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await analystPage.getByRole('button', { name: 'Start work' }).click();
    await expect(analystPage.getByTestId('task-state')).toHaveText('In progress');
    taskUrl = analystPage.url().replace(/\/[a-z]+$/, '');
  });

  await test.step('a saved view of the dataset becomes a chart', async () => {
    const dataset = analystPage.getByRole('listitem', { name: 'regional-sales' });
    await expect(dataset.getByTestId('dataset-status')).toHaveText('Ready · 4 rows · 3 columns');
    await dataset.getByRole('link', { name: 'regional-sales' }).click();
    const viewer = new DatasetViewPage(analystPage);
    await viewer.settled();
    await viewer.saveView('All revenue');
    await analystPage.goto(taskUrl);
    await workspace.openTab('Charts');
    await workspace.createChart({
      view: 'All revenue (regional-sales)',
      type: 'Bar',
      x: 'region',
      y: ['revenue'],
      title: CHART,
      // The y-axis label is left out here; the automatic QC check must catch it.
      xLabel: 'Region',
      caption: 'The north earned more in both months.',
      sourceNote: 'Northwind sales ledger, Jan–Feb 2026',
    });
    await expect(workspace.chart(CHART).getByRole('img', { name: CHART })).toBeVisible();
  });

  await test.step('a source is added and a finding cites it and shows the chart', async () => {
    await workspace.openTab('Sources');
    const dialog = await workspace.submitSource({
      title: SOURCE,
      author: 'Statistics Office',
      url: 'https://stats.example.org/census',
      notes: 'Table 4: retail turnover by region',
    });
    await expect(dialog).toBeHidden();
    await expect(workspace.source(SOURCE)).toContainText('Statistics Office');

    await workspace.openTab('Findings');
    const finding = await workspace.newFinding('North leads');
    await workspace.typeInFinding(finding, 'The north earned more in both months');
    await workspace.insertReference(finding, 'Cite source', SOURCE);
    await workspace.typeInFinding(finding, '.\n\n');
    await workspace.insertReference(finding, 'Insert chart', CHART);
    const preview = workspace.preview(finding);
    await expect(preview.getByTestId('citation')).toHaveText(`${SOURCE} [1]`);
    await expect(preview.getByRole('img', { name: CHART })).toBeVisible();
    await workspace.expectSaved(finding);
    await analystPage.screenshot({ path: 'docs/screenshots/finding.png' });
  });

  await test.step('every question is answered with evidence', async () => {
    await workspace.openTab('Answers');
    await workspace.writeAnswer(1, 'The **north**, in both months.', [CHART, 'North leads']);
    await workspace.writeAnswer(2, 'Lower retail turnover in the south.', [SOURCE]);
  });

  const qcTime = new TaskQcTimePage(analystPage);

  await test.step('time is logged by hand and with the timer', async () => {
    await qcTime.tab('Time');
    await qcTime.logTime(2, 15, 'Desk research');
    await expect(analystPage.getByRole('table', { name: 'Time entries' })).toContainText('2 h 15 min');
    await analystPage.getByRole('button', { name: 'Start timer' }).click();
    await analystPage.getByRole('button', { name: 'Stop timer' }).click();
    await expect(analystPage.getByRole('button', { name: 'Start timer' })).toBeVisible();
  });

  await test.step('the checklist passes: automatic items computed, manual items marked with evidence', async () => {
    await qcTime.tab('QC checklist');
    const chartsLabelled = qcTime.item(
      4,
      'Every chart has a title, x- and y-axis labels (pie and doughnut charts have no axes), a caption and a source note',
    );
    await expect(chartsLabelled).toContainText('Fails');
    await expect(chartsLabelled).toContainText(`Chart '${CHART}' has no y-axis label`);
    await workspace.openTab('Charts');
    await workspace.editChart(CHART, { 'Y-axis label': 'Revenue (EUR)' });
    await qcTime.tab('QC checklist');
    await expect(chartsLabelled).toContainText('Passes');
    for (const [n, text] of [
      [1, 'Every research question in the brief is answered directly, within the agreed scope'],
      [3, 'Every finding links to the evidence behind it (chart, table or source)'],
      [5, 'Time spent on the task is logged'],
    ] as const)
      await expect(qcTime.item(n, text)).toContainText('Passes');

    const blockers = analystPage.getByRole('list', { name: 'What blocks submission' });
    const cited = qcTime.item(2, 'Every factual claim cites a source');
    await cited.getByText('Pass', { exact: true }).click();
    await expect(blockers).toContainText('requires evidence');
    await cited.getByRole('combobox', { name: 'Evidence for item 2' }).click();
    await analystPage.getByRole('option', { name: SOURCE, exact: true }).click();
    await analystPage.keyboard.press('Escape');
    await qcTime.item(6, 'Units stated on every chart').getByText('Pass', { exact: true }).click();
    await expect(analystPage.getByText('Ready to submit')).toBeVisible();
    await analystPage.screenshot({ path: 'docs/screenshots/qc-checklist.png' });
    // axe is run here, not on the Submit tab: it hangs injecting into the script-less report preview.
    for (const scheme of ['light', 'dark'] as const) {
      if (scheme === 'dark') await analystPage.getByTestId('theme-toggle').click();
      expect(await seriousViolations(analystPage), `QC checklist, ${scheme} theme`).toEqual([]);
    }
    await analystPage.getByTestId('theme-toggle').click();
  });

  const submissionPath = join(scratch, 'submission.kpo');

  await test.step('the analyst attests, signs and exports the submission', async () => {
    await workspace.page.getByRole('tab', { name: 'Submit', exact: true }).click();
    const submit = new SubmitPage(analystPage);
    await expect(analystPage.getByText('Version 1 is ready to submit')).toBeVisible();
    await submit.attestation.check();
    const download = analystPage.waitForEvent('download');
    await submit.signAndExport.click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Regional-revenue-drivers-v1.submission.kpo');
    await saved.saveAs(submissionPath);
    await expect(analystPage.getByText('Version 1: submitted')).toBeVisible();
    await expect(submit.signAndExport).toHaveCount(0);
  });

  await test.step('after submitting the workspace is read-only and the task shows Submitted', async () => {
    await expect(analystPage.getByTestId('task-state')).toHaveText('Submitted');
    await workspace.openTab('Findings');
    await expect(workspace.finding('North leads').getByTestId('citation')).toHaveText(`${SOURCE} [1]`);
    await expect(analystPage.getByRole('button', { name: 'New finding' })).toHaveCount(0);
    await expect(analystPage.getByRole('textbox', { name: 'Markdown' })).toHaveCount(0);

    // It stays so after a reload: the state was stored, not just shown.
    await analystPage.reload();
    await workspace.openTab('Answers');
    await expect(workspace.answer(1)).toContainText('in both months');
    await expect(analystPage.getByRole('textbox', { name: 'Answer to question 1' })).toHaveCount(0);
    await qcTime.tab('Time');
    await expect(analystPage.getByRole('form', { name: 'Log time' })).toHaveCount(0);
    await expect(analystPage.getByRole('button', { name: 'Start timer' })).toBeDisabled();
    await qcTime.tab('QC checklist');
    await expect(
      qcTime.item(6, 'Units stated on every chart').getByRole('radio', { name: 'Fail' }),
    ).toBeDisabled();
    await qcTime.tab('Audit log');
    await expect(analystPage.getByText(/the hash chain is intact/)).toBeVisible();

    // The read-only tabs are what a submitted task shows from now on: they must read well too.
    const readOnlyTabs = [
      ['Charts', workspace.chart(CHART).getByRole('img', { name: CHART })],
      ['Sources', workspace.source(SOURCE)],
      ['Findings', workspace.finding('North leads').getByTestId('citation')],
      ['Answers', workspace.answer(2)],
      ['Time', analystPage.getByRole('table', { name: 'Time entries' })],
      ['QC checklist', qcTime.item(6, 'Units stated on every chart')],
    ] as const;
    for (const scheme of ['light', 'dark'] as const) {
      if (scheme === 'dark') await analystPage.getByTestId('theme-toggle').click();
      for (const [tab, shown] of readOnlyTabs) {
        await analystPage.getByRole('tab', { name: tab, exact: true }).click();
        await expect(shown).toBeVisible();
        expect(await seriousViolations(analystPage), `read-only ${tab}, ${scheme} theme`).toEqual([]);
      }
    }

    await analyst.openFromSidebar('Inbox');
    await expect(
      analystPage.getByTestId('tasks-table').getByRole('row', { name: new RegExp(TITLE) }),
    ).toContainText('Submitted');
  });

  await test.step("the submitted task's dataset is read-only on the Datasets screen, saying why", async () => {
    await analyst.openFromSidebar('Datasets');
    const datasets = new DatasetsPage(analystPage);
    const row = datasets.row('regional-sales');
    await expect(row).toContainText(`${TITLE} · Submitted`);
    expect(await seriousViolations(analystPage), 'Datasets screen with a read-only task dataset').toEqual([]);
    await row.getByRole('button', { name: 'Actions for regional-sales' }).click();
    await expect(analystPage.getByRole('menuitem', { name: 'Delete' })).toBeDisabled();
    await expect(analystPage.getByRole('menuitem', { name: 'Rename' })).toBeDisabled();
    await expect(analystPage.getByTestId('dataset-lock-reason')).toHaveText(
      `Dataset "regional-sales" belongs to task "${TITLE}", which is submitted; it can be changed again when a review sends the work back.`,
    );
    await analystPage.keyboard.press('Escape');
    const report = await datasets.openReport('regional-sales');
    await expect(report.getByRole('button', { name: 'Re-import' })).toBeDisabled();
    await expect(report.getByTestId('dataset-lock-reason')).toContainText('which is submitted');
    await report.getByRole('button', { name: 'Close dialog' }).click();
    await row.getByRole('link', { name: 'regional-sales' }).click();
    await expect(analystPage.getByTestId('dataset-lock-reason')).toBeVisible();
    await expect(analystPage.getByRole('button', { name: 'Save view' })).toBeDisabled();
  });

  await test.step('the submission verifies with kpo verify and with minisign', () => {
    const analystPub = join(scratch, 'ana.pub');
    writeFileSync(analystPub, analystKey.text);
    const coordinatorPub = join(scratch, 'cora.pub');
    writeFileSync(coordinatorPub, coordinatorKey.text);

    const trusted = run('node', ['out/cli/kpo.js', 'verify', submissionPath, '--trust', analystPub]);
    expect(trusted.status, trusted.out).toBe(0);
    // The coordinator's key did not sign the submission: valid, but not trusted.
    const untrusted = run('node', ['out/cli/kpo.js', 'verify', submissionPath, '--trust', coordinatorPub]);
    expect(untrusted.status, untrusted.out).toBe(2);

    const unpacked = join(scratch, 'submission');
    const unzip = run('unzip', ['-q', submissionPath, '-d', unpacked]);
    expect(unzip.status, unzip.out).toBe(0);
    const [bagName] = readdirSync(unpacked);
    const bag = join(unpacked, bagName ?? '');
    const minisign = run(
      'minisign',
      ['-V', '-p', analystPub, '-m', 'tagmanifest-sha512.txt', '-x', 'tagmanifest-sha512.txt.minisig'],
      bag,
    );
    expect(minisign.status, minisign.out).toBe(0);
    expect(minisign.out).toContain('Signature and comment signature verified');
    expect(minisign.out).toContain('kind=submission');

    // What the reviewer gets: every item passed, automatic ones with their computed result.
    const checklist = JSON.parse(readFileSync(join(bag, 'data/qc/checklist.json'), 'utf8')) as {
      items: { text: string; result: string; automaticCheck?: string }[];
    };
    expect(checklist.items.map((item) => [item.automaticCheck ?? 'manual', item.result])).toEqual([
      ['every-question-answered', 'pass'],
      ['manual', 'pass'],
      ['every-finding-cites-evidence', 'pass'],
      ['every-chart-labelled', 'pass'],
      ['time-logged', 'pass'],
      ['manual', 'pass'],
    ]);
    const time = JSON.parse(readFileSync(join(bag, 'data/time/entries.json'), 'utf8')) as {
      entries: { minutes: number }[];
    };
    expect(time.entries.reduce((sum, entry) => sum + entry.minutes, 0)).toBeGreaterThanOrEqual(135);
  });

  await test.step('the HTML report opens on its own and shows the chart as an image', async () => {
    const unpacked = join(scratch, 'submission');
    const [bagName] = readdirSync(unpacked);
    const html = readFileSync(join(unpacked, bagName ?? '', 'data/deliverable/report.html'), 'utf8');
    const reportPage = await analystContext.newPage();
    const reportErrors = collectConsoleErrors(reportPage);
    await reportPage.setContent(html, { waitUntil: 'load' });
    await expect(reportPage.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const image = reportPage.getByRole('img', { name: new RegExp(CHART) }).first();
    await expect(image).toBeVisible();
    await expect
      .poll(async () => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await expect(reportPage.getByText('The north earned more in both months').first()).toBeVisible();
    await reportPage.close();
    expect(reportErrors, 'console errors in the report').toEqual([]);
  });

  await analystContext.close();
  expect(analystErrors, 'console errors in the analyst page').toEqual([]);
});
