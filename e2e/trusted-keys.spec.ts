import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

function minisignKeyPair(): { publicKeyText: string; keyId: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kpo-e2e-key-'));
  execFileSync('minisign', ['-G', '-W', '-p', join(dir, 'k.pub'), '-s', join(dir, 'k.key')], {
    stdio: 'pipe',
  });
  const publicKeyText = readFileSync(join(dir, 'k.pub'), 'utf8');
  // Debian's minisign 0.11 drops leading zeros from the key id; the app shows all 16 digits.
  const printed = /minisign public key ([0-9A-F]{1,16})\n/.exec(publicKeyText)?.[1];
  if (!printed) throw new Error(`minisign wrote an unexpected public key file:\n${publicKeyText}`);
  return { publicKeyText, keyId: printed.padStart(16, '0') };
}

test.beforeEach(async ({ app }) => {
  await app.goto();
  await app.completeOnboarding();
  await app.openFromSidebar('Settings');
});

test('a malformed key shows an error and adds nothing', async ({ app, page }) => {
  const valid = minisignKeyPair().publicKeyText.trim().split('\n')[1] ?? '';
  const cases = [
    { text: 'not a key at all', error: /Not a minisign public key/ },
    { text: valid.slice(0, -4), error: /Not a minisign public key/ },
    { text: `untrusted comment: x\n${valid.replace(/^RW/, 'RX')}`, error: /Not a minisign public key/ },
  ];
  for (const { text, error } of cases) {
    await app.addTrustedKey(text, 'Mallory');
    await expect(app.trustedKeysSection.getByText(error)).toBeVisible();
    await expect(page.getByTestId('no-trusted-keys')).toBeVisible();
  }
});

test('a key made by the minisign tool is trusted, duplicates are refused, and it can be removed', async ({
  app,
  page,
}) => {
  const { publicKeyText, keyId } = minisignKeyPair();
  await app.addTrustedKey(publicKeyText, 'Carla Coordinator');
  const table = page.getByTestId('trusted-keys-table');
  await expect(table.getByRole('row', { name: new RegExp(`Carla Coordinator.*${keyId}`) })).toBeVisible();

  await app.addTrustedKey(publicKeyText, 'Carla again');
  await expect(
    app.trustedKeysSection.getByText(`Key ${keyId} is already trusted as Carla Coordinator.`),
  ).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);

  await page.reload();
  await expect(table.getByRole('row', { name: /Carla Coordinator/ })).toBeVisible();
  await page.getByRole('button', { name: "Remove Carla Coordinator's key" }).click();
  await expect(page.getByTestId('no-trusted-keys')).toBeVisible();
});
