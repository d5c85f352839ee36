import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './pages/app-page';
import { InboxPage } from './pages/inbox-page';
import { TaskEditorPage } from './pages/task-editor-page';
import { seriousViolations } from './support/axe';
import { expect, test } from './fixtures';
import { collectConsoleErrors } from './support/console-noise';

const CORA = {
  name: 'Cora Coordinator',
  organisation: 'Contoso Insights',
  email: 'cora@contoso.example',
  roles: ['Coordinator'],
};

const CSV =
  'region,month,revenue\nNorth,2026-01,1200.50\nSouth,2026-01,830\nNorth,2026-02,1410.25\nSouth,2026-02,790\n';

test('a coordinator writes and exports a task; an analyst imports it once, with its dataset ready', async ({
  app,
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const scratch = mkdtempSync(join(tmpdir(), 'kpo-e2e-task-'));
  const csvPath = join(scratch, 'regional-sales.csv');
  writeFileSync(csvPath, CSV);

  // The analyst, in a browser profile of their own.
  const analystContext = await browser.newContext();
  const analystPage = await analystContext.newPage();
  const analystErrors: string[] = [];
  collectConsoleErrors(analystPage, analystErrors);
  const analyst = new AppPage(analystPage);
  await analyst.goto();
  await analyst.completeOnboarding();
  const analystKey = await analyst.ownPublicKey();

  // The coordinator trusts the analyst's key, so the analyst can be picked.
  await app.goto();
  await app.completeOnboarding(CORA);
  const coordinatorKey = await app.ownPublicKey();
  await app.addTrustedKey(analystKey.text, 'Ana Analyst');
  await expect(page.getByTestId('trusted-keys-table')).toContainText(analystKey.keyId);

  await app.openFromSidebar('Inbox');
  const editor = new TaskEditorPage(page);
  await editor.newTask();
  const person = `Ana Analyst (${analystKey.keyId})`;
  await editor.fill({
    title: 'Regional revenue drivers',
    client: 'Northwind Ltd',
    brief: '# Scope\n\nExplain the **regional** gap.\n\n<script>alert(1)</script>',
    questions: ['Which region grew fastest?', 'What explains the gap in the south?'],
    due: '2030-03-20T17:00',
    priority: 'High',
    estimateHours: '12',
    analyst: person,
    reviewer: person,
  });
  const preview = await editor.previewBrief();
  await expect(preview.getByRole('heading', { name: 'Scope' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('regional');
  await expect(preview.locator('script')).toHaveCount(0);

  await editor.attachCsv(csvPath);
  await expect(editor.dataset('regional-sales').getByTestId('dataset-status')).toHaveText(
    'Ready · 4 rows · 3 columns',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await editor.addChecklistItem(1, {
    text: 'Every question answered with evidence',
    severity: 'Critical',
    evidenceRequired: true,
  });
  await editor.addChecklistItem(2, {
    text: 'Units stated on every chart',
    severity: 'Minor',
    evidenceRequired: false,
  });
  await editor.save();

  await expect(page.getByTestId('draft-readiness')).toHaveCount(0);
  const kpoPath = join(scratch, 'task.kpo');
  const fileName = await editor.exportPackage(kpoPath);
  expect(fileName).toMatch(/^Regional-revenue-drivers\.task\.kpo$/);
  await expect(page.getByTestId('task-state')).toHaveText('Assigned');
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  await app.openFromSidebar('Inbox');
  await editor.show('Sent');
  await expect(
    editor.tasksTable.getByRole('row', { name: /Regional revenue drivers.*Northwind Ltd.*Assigned/ }),
  ).toBeVisible();

  // Anyone can check the package with minisign and the coordinator's public key.
  const unpacked = join(scratch, 'unpacked');
  const unzip = spawnSync('unzip', ['-q', kpoPath, '-d', unpacked], { encoding: 'utf8' });
  expect(unzip.status, unzip.stderr).toBe(0);
  const [bagName] = readdirSync(unpacked);
  const bag = join(unpacked, bagName ?? '');
  writeFileSync(join(scratch, 'cora.pub'), coordinatorKey.text);
  const minisign = spawnSync(
    'minisign',
    [
      '-V',
      '-m',
      'tagmanifest-sha512.txt',
      '-x',
      'tagmanifest-sha512.txt.minisig',
      '-p',
      join(scratch, 'cora.pub'),
    ],
    { cwd: bag, encoding: 'utf8' },
  );
  expect(minisign.status, minisign.stderr).toBe(0);
  expect(minisign.stdout).toContain('Signature and comment signature verified');
  expect(readFileSync(join(bag, 'data/datasets/regional-sales.csv'), 'utf8')).toBe(CSV);
  const checklist = JSON.parse(readFileSync(join(bag, 'data/qc/checklist.json'), 'utf8')) as {
    items: { text: string; result: string }[];
  };
  expect(checklist.items.map((i) => [i.text, i.result])).toEqual([
    ['Every question answered with evidence', 'open'],
    ['Units stated on every chart', 'open'],
  ]);

  // The analyst trusts the coordinator, imports the package and finds the task with its data ready.
  await analyst.addTrustedKey(coordinatorKey.text, 'Cora Coordinator');
  await expect(analystPage.getByTestId('trusted-keys-table')).toContainText(coordinatorKey.keyId);
  await analyst.openFromSidebar('Inbox');
  const inbox = new InboxPage(analystPage);
  await inbox.chooseFile(kpoPath);
  await expect(inbox.status).toHaveText('Trusted');
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(inbox.dialog).toBeHidden();
  await expect(
    analystPage.getByRole('heading', { level: 1, name: 'Regional revenue drivers' }),
  ).toBeVisible();
  await expect(analystPage.getByTestId('task-state')).toHaveText('Assigned');
  await expect(
    analystPage.getByRole('listitem', { name: 'regional-sales' }).getByTestId('dataset-status'),
  ).toHaveText('Ready · 4 rows · 3 columns');
  await expect(analystPage.getByRole('region', { name: 'Research questions' })).toContainText(
    'What explains the gap in the south?',
  );
  expect(await seriousViolations(analystPage)).toEqual([]);

  await analyst.openFromSidebar('Inbox');
  const row = analystPage.getByTestId('tasks-table').getByRole('row', { name: /Regional revenue drivers/ });
  await expect(row).toContainText('Northwind Ltd');
  await expect(row).toContainText('Assigned');
  await expect(row).toContainText(/due in \d+ days/);

  // The same file again is refused, and nothing is duplicated.
  await inbox.chooseFile(kpoPath);
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(inbox.dialog.getByText(/already imported/)).toBeVisible();
  await inbox.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(analystPage.getByTestId('tasks-table').getByRole('row')).toHaveCount(2);

  // Work starts from the overview.
  await row.getByRole('link', { name: 'Regional revenue drivers' }).click();
  await analystPage.getByRole('button', { name: 'Start work' }).click();
  await expect(analystPage.getByTestId('task-state')).toHaveText('In progress');

  await analystContext.close();
  expect(analystErrors, 'console errors in the analyst page').toEqual([]);
});

test('drafts: questions reorder, export names what is missing, overdue reads in both themes, duplicate and delete', async ({
  app,
  page,
}) => {
  await app.goto();
  await app.completeOnboarding();
  await app.openFromSidebar('Inbox');
  const editor = new TaskEditorPage(page);
  await editor.newTask();
  const form = editor.form;
  await form.getByLabel('Title').fill('Old study');
  await form.getByLabel('Client').fill('Contoso');
  await form.getByLabel('Due').fill('2020-01-01T09:00');
  for (const text of ['First', 'Second']) {
    await form.getByRole('button', { name: 'Add question' }).click();
    await form.getByLabel(`Question ${text === 'First' ? 1 : 2}`, { exact: true }).fill(text);
  }
  await form.getByRole('button', { name: 'Move question 2 up' }).click();
  await expect(form.getByLabel('Question 1', { exact: true })).toHaveValue('Second');
  await expect(form.getByLabel('Question 2', { exact: true })).toHaveValue('First');
  await form.getByRole('button', { name: 'Add question' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await editor.save();

  await page.getByRole('button', { name: 'Export task package' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The task package was not exported' });
  for (const message of [
    'Write the brief.',
    'Question 3 is empty.',
    'Pick an analyst.',
    'Pick a reviewer.',
  ]) {
    await expect(alert).toContainText(message);
  }
  await expect(page.getByTestId('task-state')).toHaveText('Draft');

  await app.openFromSidebar('Inbox');
  const row = editor.tasksTable.getByRole('row', { name: /Old study/ });
  await expect(row.getByTestId('due')).toContainText(/overdue by \d+ days/);
  await expect(row.getByTestId('due')).toHaveAttribute('data-overdue', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('theme-toggle').click();
  expect(await seriousViolations(page)).toEqual([]);

  await row.getByRole('link', { name: 'Old study' }).click();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(form.getByLabel('Title')).toHaveValue('Copy of Old study');
  await expect(form.getByLabel('Question 1', { exact: true })).toHaveValue('Second');
  await editor.save();
  await app.openFromSidebar('Inbox');
  await expect(editor.tasksTable.getByRole('row')).toHaveCount(3);

  await editor.tasksTable.getByRole('link', { name: 'Copy of Old study' }).click();
  await page.getByRole('button', { name: 'Delete draft' }).click();
  await page
    .getByRole('dialog', { name: 'Delete draft' })
    .getByRole('button', { name: 'Delete draft' })
    .click();
  await expect(app.screenHeading('Inbox')).toBeVisible();
  await expect(editor.tasksTable.getByRole('row')).toHaveCount(2);
  await expect(editor.tasksTable).not.toContainText('Copy of Old study');
});
