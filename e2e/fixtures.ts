import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { collectConsoleErrors } from './support/console-noise';

/**
 * Every e2e test gets a fresh browser context (so a fresh IndexedDB) and fails if the page logs a
 * console error or throws: a screen that "works" while logging errors is broken.
 */
export const test = base.extend<{ app: AppPage; consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = collectConsoleErrors(page);
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
