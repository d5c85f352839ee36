import type { Locator, Page } from '@playwright/test';

/** A task's Submit tab. */
export class SubmitPage {
  constructor(readonly page: Page) {}

  async goto(taskId: string): Promise<void> {
    await this.page.goto(`/#/inbox/${taskId}/submit`);
  }

  get attestation(): Locator {
    return this.page.getByRole('checkbox', { name: /^I attest/ });
  }

  get signAndExport(): Locator {
    return this.page.getByRole('button', { name: 'Sign and export submission' });
  }

  get preview(): Locator {
    return this.page.locator('iframe[title^="Report preview"]');
  }

  get history(): Locator {
    return this.page.getByRole('table', { name: 'Submitted versions' });
  }
}
