import { expect, test } from './fixtures';
import { seriousViolations } from './support/axe';
import { ChecklistTemplatesPage } from './pages/checklist-templates-page';
import { TaskQcTimePage } from './pages/task-qc-time-page';

test.beforeEach(async ({ app }) => {
  await app.goto();
  await app.completeOnboarding();
  await app.openFromSidebar('Settings');
});

test('a built-in checklist is duplicated, its copy edited and reordered, and the built-in stays as shipped', async ({
  page,
}) => {
  const templates = new ChecklistTemplatesPage(page);
  await expect(templates.row('Research task')).toContainText('Built-in');
  await expect(
    templates.section.getByRole('button', { name: 'Edit Research task', exact: true }),
  ).toHaveCount(0);

  await templates.duplicate('Research task');
  const editor = templates.editor('Research task (copy)');
  await expect(editor).toBeVisible();
  const firstText = await templates.itemText(editor, 1).inputValue();

  await templates.itemText(editor, 1).fill('Scope confirmed with the client in writing');
  await templates.setSeverity(editor, 1, 'Minor');
  await editor.getByRole('checkbox', { name: 'Item 1 requires evidence' }).check();
  await editor.getByRole('button', { name: 'Move item 1 down' }).click();
  await expect(templates.itemText(editor, 2)).toHaveValue('Scope confirmed with the client in writing');
  await editor.getByRole('textbox', { name: 'Template name' }).fill('Research, Northwind edition');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(editor).toHaveCount(0);

  await expect(templates.row('Research, Northwind edition')).toBeVisible();
  await templates.section.getByRole('button', { name: 'Edit Research, Northwind edition' }).click();
  const reopened = templates.editor('Research, Northwind edition');
  await expect(templates.itemText(reopened, 2)).toHaveValue('Scope confirmed with the client in writing');
  await expect(reopened.getByRole('combobox', { name: 'Item 2 severity' })).toHaveValue('Minor');
  await expect(reopened.getByRole('checkbox', { name: 'Item 2 requires evidence' })).toBeChecked();

  // A blank item is refused with the item named, and nothing is saved.
  await reopened.getByRole('button', { name: 'Add item' }).click();
  await reopened.getByRole('button', { name: 'Save template' }).click();
  await expect(reopened.getByRole('alert')).toContainText('write what to check');
  await reopened.getByRole('button', { name: 'Cancel' }).click();

  // A new blank template can be named, given an item, saved and deleted.
  await templates.section.getByRole('button', { name: 'New template' }).click();
  const blank = templates.section.getByRole('form', { name: /^Edit template New template/ });
  await blank.getByRole('textbox', { name: 'Template name' }).fill('Quick check');
  await blank.getByRole('button', { name: 'Add item' }).click();
  await templates.itemText(blank, 1).fill('Client logo used correctly');
  await blank.getByRole('button', { name: 'Save template' }).click();
  await expect(templates.row('Quick check')).toContainText('1');
  await templates.section.getByRole('button', { name: 'Delete Quick check' }).click();
  await expect(templates.row('Quick check')).toHaveCount(0);

  // The built-in is unchanged: its own copy again starts with the original first item.
  await templates.duplicate('Research task');
  await expect(templates.itemText(templates.editor('Research task (copy)'), 1)).toHaveValue(firstText);
});

test('time logged and QC marks on a task show in its checklist, gate and audit log, and tampering is flagged', async ({
  page,
}) => {
  const tabs = new TaskQcTimePage(page);
  await tabs.seedTask('task-e2e-1', [
    {
      id: 'time',
      text: 'Time is logged',
      severity: 'minor',
      evidenceRequired: false,
      automaticCheck: 'time-logged',
    },
    { id: 'sources', text: 'Sources are cited', severity: 'critical', evidenceRequired: true },
  ]);
  await tabs.open('task-e2e-1', 'QC checklist');
  await expect(tabs.item(1, 'Time is logged')).toContainText('No time has been logged on this task');
  await expect(page.getByRole('list', { name: 'What blocks submission' })).toContainText(
    "Item 2 ('Sources are cited') has no result",
  );

  await tabs.tab('Time');
  await tabs.logTime(1, 30, 'Desk research');
  await expect(page.getByRole('table', { name: 'Time entries' })).toContainText('1 h 30 min');
  await expect(page.getByText('over the estimate by 30 min')).toBeVisible();
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByRole('button', { name: 'Stop timer' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Stop timer' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop timer' }).click();
  await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();

  await tabs.tab('QC checklist');
  await expect(tabs.item(1, 'Time is logged')).toContainText('Passes');
  const sources = tabs.item(2, 'Sources are cited');
  await sources.getByText('Pass', { exact: true }).click();
  await expect(page.getByRole('list', { name: 'What blocks submission' })).toContainText('requires evidence');
  await sources.getByRole('textbox', { name: 'Other evidence for item 2' }).fill('Client library, ref 42');
  await sources.getByRole('textbox', { name: 'Other evidence for item 2' }).press('Enter');
  await expect(page.getByText('Ready to submit')).toBeVisible();

  await tabs.tab('Audit log');
  const timeline = page.getByRole('list', { name: 'Audit timeline' }).or(page.getByLabel('Audit timeline'));
  await expect(timeline).toContainText('Logged 1 h 30 min');
  await expect(timeline).toContainText('Started the timer');
  await expect(timeline).toContainText('Marked QC item “Sources are cited” pass');
  await expect(page.getByText('the hash chain is intact')).toBeVisible();

  await tabs.tamperWithEvent('task-e2e-1', 1, {
    entryId: 'x',
    minutes: 600,
    date: '2026-11-25',
    origin: 'manual',
  });
  await page.reload();
  await tabs.tab('Audit log');
  await expect(page.getByRole('alert')).toContainText('The chain breaks at event 1');
  await expect(page.getByRole('alert')).toContainText('it was edited');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the template editor and the Time, QC and Audit tabs in the ${scheme} theme have no serious accessibility violations`, async ({
    page,
  }) => {
    if (scheme === 'dark') await page.getByTestId('theme-toggle').click();
    const templates = new ChecklistTemplatesPage(page);
    await templates.duplicate('Data interpretation task');
    await expect(templates.editor('Data interpretation task (copy)')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const tabs = new TaskQcTimePage(page);
    await tabs.seedTask('task-a11y', [
      {
        id: 'q',
        text: 'Every question answered',
        severity: 'critical',
        evidenceRequired: false,
        automaticCheck: 'every-question-answered',
      },
      { id: 'c', text: 'Confidentiality respected', severity: 'critical', evidenceRequired: true },
    ]);
    await tabs.open('task-a11y', 'Time');
    await tabs.logTime(0, 20, 'Reading');
    await expect(page.getByRole('table', { name: 'Time entries' })).toContainText('20 min');
    expect(await seriousViolations(page)).toEqual([]);
    await tabs.tab('QC checklist');
    await tabs.item(2, 'Confidentiality respected').getByText('Fail', { exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Justification for item 2' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await tabs.tab('Audit log');
    await expect(page.getByText('the hash chain is intact')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
