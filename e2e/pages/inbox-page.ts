import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Page object for the Inbox's package import. */
export class InboxPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import package' });
  }

  get status(): Locator {
    return this.dialog.getByTestId('verification-status');
  }

  get importedPackages(): Locator {
    return this.page.getByTestId('received-packages');
  }

  async chooseFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import package' }).click();
    await (await chooser).setFiles(path);
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByTestId('verification-panel')).toBeVisible();
  }
}
