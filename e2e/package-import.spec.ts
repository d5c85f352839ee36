import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePublicKey } from '../src/core/minisign';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox-page';
import { seriousViolations } from './support/axe';
import { writeTaskPackage } from './support/packages';

test.beforeEach(async ({ app }) => {
  await app.goto();
  await app.completeOnboarding();
});

test('a package from an unknown key needs explicit acceptance, and is imported only once', async ({
  app,
  page,
}) => {
  const inbox = new InboxPage(page);
  const { path, coordinator } = await writeTaskPackage();

  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Unknown signer');
  await expect(inbox.dialog.getByTestId('signer')).toContainText(coordinator.keyId);
  expect(await seriousViolations(page)).toEqual([]);
  const importButton = inbox.dialog.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await inbox.dialog.getByRole('checkbox', { name: /Import anyway/ }).check();
  await importButton.click();
  await expect(inbox.dialog).toBeHidden();
  // A task package opens the task it created; the package list is back in the Inbox.
  await app.openFromSidebar('Inbox');
  await expect(inbox.importedPackages.getByRole('row', { name: /regional-sales\.kpo.*task/ })).toContainText(
    'Unknown signer (accepted)',
  );

  await inbox.chooseFile(path);
  await inbox.dialog.getByRole('checkbox', { name: /Import anyway/ }).check();
  await importButton.click();
  await expect(inbox.dialog.getByText(/already imported/)).toBeVisible();
  await inbox.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(inbox.importedPackages.getByRole('row')).toHaveCount(2);
});

test('a package signed by a trusted key shows as trusted with the signer named', async ({ app, page }) => {
  const inbox = new InboxPage(page);
  const { path, coordinator } = await writeTaskPackage();
  await app.openFromSidebar('Settings');
  await app.addTrustedKey(encodePublicKey(coordinator.secret), 'Cora Coordinator');
  await expect(page.getByTestId('trusted-keys-table')).toContainText(coordinator.keyId);

  await app.openFromSidebar('Inbox');
  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Trusted');
  await expect(inbox.dialog.getByTestId('signer')).toContainText(
    `Cora Coordinator, key ${coordinator.keyId}`,
  );
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(inbox.dialog).toBeHidden();
  await app.openFromSidebar('Inbox');
  await expect(inbox.importedPackages).toContainText('Trusted');
});

test('the signer can be trusted from the import dialog, which then re-verifies', async ({ page }) => {
  const inbox = new InboxPage(page);
  const { path } = await writeTaskPackage();
  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Unknown signer');
  await inbox.dialog.getByLabel('Whose key is it?').fill('Cora Coordinator');
  await inbox.dialog.getByRole('button', { name: 'Add to trusted keys' }).click();
  await expect(inbox.status).toHaveText('Trusted');
});

test('a package changed after signing is refused with the changed file named, and nothing is stored', async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  const { path } = await writeTaskPackage({
    tamper: (files) => {
      const csv = files.get('data/datasets/sales.csv');
      if (!csv) throw new Error('fixture has no sales.csv');
      const changed = csv.slice();
      changed[changed.length - 3] = 0x39;
      files.set('data/datasets/sales.csv', changed);
    },
  });
  expect(readFileSync(path).byteLength).toBeGreaterThan(0);

  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Invalid');
  await expect(inbox.dialog.getByTestId('findings')).toContainText('data/datasets/sales.csv');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/import-invalid-package.png' });
  await expect(inbox.dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await expect(inbox.dialog.getByText('An invalid package can never be imported.')).toBeVisible();
  await inbox.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(inbox.importedPackages).toHaveCount(0);
});

test('a file that is not a zip is refused', async ({ page }) => {
  const inbox = new InboxPage(page);
  const notZip = join(mkdtempSync(join(tmpdir(), 'kpo-e2e-')), 'not-a-package.kpo');
  writeFileSync(notZip, 'this is plain text, not a zip');
  await inbox.chooseFile(notZip);
  await expect(inbox.status).toHaveText('Invalid');
  await expect(inbox.dialog.getByTestId('findings')).toContainText('(archive)');
});
