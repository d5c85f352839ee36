import type { Page } from '@playwright/test';

/**
 * Console errors that come from Playwright, not from the app. Playwright evaluates in every frame,
 * and Chromium reports that as blocked script in a frame sandboxed without scripts, such as the
 * report preview (microsoft/playwright#33343). Only that exact message, for srcdoc frames, is noise.
 */
export function isHarnessNoise(message: string): boolean {
  return (
    message ===
    "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set."
  );
}

/**
 * Collects the page's console errors and uncaught exceptions (harness noise aside) into `errors`, for
 * the test to assert empty: a screen that "works" while logging errors is broken. The fixture does
 * this for its page; tests with more browser contexts call it for each of theirs.
 */
export function collectConsoleErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error' && !isHarnessNoise(message.text()))
      errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => {
    errors.push(`${error.name}: ${error.message}`);
  });
  return errors;
}
