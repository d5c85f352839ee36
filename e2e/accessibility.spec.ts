import { SCREENS } from './pages/app-page';
import { expect, test } from './fixtures';
import { seriousViolations } from './support/axe';

test('onboarding has no serious or critical accessibility violations', async ({ app, page }) => {
  await app.goto();
  await expect(app.onboardingForm).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen in the ${scheme} theme has no serious or critical accessibility violations`, async ({
    app,
    page,
  }) => {
    await app.goto();
    await app.completeOnboarding();
    if (scheme === 'dark') await page.getByTestId('theme-toggle').click();
    for (const screen of SCREENS) {
      await app.openFromSidebar(screen.label);
      expect(await seriousViolations(page), `${screen.label}, ${scheme} theme`).toEqual([]);
    }
  });
}
