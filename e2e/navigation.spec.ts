import { mkdirSync } from 'node:fs';
import { SCREENS } from './pages/app-page';
import { expect, test } from './fixtures';

test('every screen opens from the sidebar, and the README screenshots are taken', async ({ app, page }) => {
  await app.goto();
  await app.completeOnboarding();
  mkdirSync('docs/screenshots', { recursive: true });
  for (const screen of SCREENS) {
    await app.openFromSidebar(screen.label);
    await expect(page).toHaveURL(new RegExp(`#/${screen.id}$`));
    await page.screenshot({ path: `docs/screenshots/${screen.id}.png` });
  }
});

test('every screen opens from the command palette', async ({ app }) => {
  await app.goto();
  await app.completeOnboarding();
  // Start from the last screen so every palette jump is a real change of screen.
  await app.openFromSidebar('Settings');
  for (const screen of SCREENS) await app.openFromPalette(screen.label);
});

test('the theme persists across a reload', async ({ app, page }) => {
  await app.goto();
  await app.completeOnboarding();
  expect(await app.colorScheme()).toBe('light');
  await page.getByTestId('theme-toggle').click();
  expect(await app.colorScheme()).toBe('dark');
  await page.reload();
  await expect(app.sidebar).toBeVisible();
  expect(await app.colorScheme()).toBe('dark');
  await page.screenshot({ path: 'docs/screenshots/inbox-dark.png' });
});

test('an unknown address falls back to the Inbox', async ({ app, page }) => {
  await app.goto();
  await app.completeOnboarding();
  await page.goto('/#/no-such-screen');
  await expect(app.screenHeading('Inbox')).toBeVisible();
});
