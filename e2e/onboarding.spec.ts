import { ANA } from './pages/app-page';
import { expect, test } from './fixtures';

test('first run: onboarding creates a profile and key that survive a reload', async ({ app, page }) => {
  await app.goto();
  await expect(app.onboardingForm).toBeVisible();

  await app.onboardingForm.getByRole('button', { name: 'Create profile and signing key' }).click();
  await expect(app.onboardingForm.getByText('Enter your name.')).toBeVisible();
  await expect(app.sidebar).toHaveCount(0);

  await app.completeOnboarding(ANA);
  await app.openFromSidebar('Settings');
  await expect(page.getByTestId('profile-name')).toHaveText(ANA.name);
  const keyId = await page.getByTestId('own-key-id').textContent();
  const publicKey = await page.getByTestId('own-public-key').textContent();
  expect(keyId).toMatch(/^[0-9A-F]{16}$/);
  expect(publicKey).toContain(`untrusted comment: minisign public key ${keyId ?? ''}`);

  await page.reload();
  await expect(app.screenHeading('Settings')).toBeVisible();
  await expect(page.getByTestId('profile-name')).toHaveText(ANA.name);
  await expect(page.getByTestId('own-key-id')).toHaveText(keyId ?? '');
  await expect(page.getByTestId('own-public-key')).toHaveText(publicKey ?? '');
});

test('the private key is stored non-extractable', async ({ app, page }) => {
  await app.goto();
  await app.completeOnboarding();
  const extractable = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kpo-workbench');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    const keys = await new Promise<{ privateKey: CryptoKey }[]>((resolve, reject) => {
      const request = db.transaction('signingKeys').objectStore('signingKeys').getAll();
      request.onsuccess = () => {
        resolve(request.result as { privateKey: CryptoKey }[]);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('read failed'));
      };
    });
    db.close();
    return keys.map((k) => ({ extractable: k.privateKey.extractable, type: k.privateKey.type }));
  });
  expect(extractable).toEqual([{ extractable: false, type: 'private' }]);
});
