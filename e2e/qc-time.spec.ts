import { expect, test } from './fixtures';
import { ChecklistTemplatesPage } from './pages/checklist-templates-page';

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

  // The built-in is unchanged: its own copy again starts with the original first item.
  await templates.duplicate('Research task');
  await expect(templates.itemText(templates.editor('Research task (copy)'), 1)).toHaveValue(firstText);
});
