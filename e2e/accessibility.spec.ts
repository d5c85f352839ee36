import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SCREENS } from './pages/app-page';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

test('onboarding has no serious or critical accessibility violations', async ({ app, page }) => {
  await app.goto();
  await expect(app.onboardingForm).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const screen of SCREENS) {
    test(`${screen.label} in the ${scheme} theme has no serious or critical accessibility violations`, async ({
      app,
      page,
    }) => {
      await app.goto();
      await app.completeOnboarding();
      if (scheme === 'dark') await page.getByTestId('theme-toggle').click();
      await app.openFromSidebar(screen.label);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}
