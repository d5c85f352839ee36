import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Page object for the client's deliverable view (Deliveries → one deliverable). */
export class ClientDeliverablePage {
  constructor(readonly page: Page) {}

  get verification(): Locator {
    return this.page.getByRole('region', { name: 'Deliverable verification' });
  }

  get status(): Locator {
    return this.verification.getByTestId('deliverable-status');
  }

  get signoffs(): Locator {
    return this.verification.getByRole('table', { name: 'Sign-offs' });
  }

  get viewAnyway(): Locator {
    return this.page.getByRole('checkbox', { name: /View anyway/ });
  }

  get parts(): Locator {
    return this.page.getByRole('tablist', { name: 'Deliverable parts' });
  }

  get unknownSignerMark(): Locator {
    return this.page.getByTestId('unknown-signer-mark');
  }

  /** Closes the app's notifications (their close buttons are unlabelled in the shared setup). */
  async dismissNotifications(): Promise<void> {
    const close = this.page.locator('.mantine-Notification-closeButton');
    // Several can be sliding in or out at once (never "stable" for a normal click), so all in one go.
    await this.page.evaluate(() => {
      for (const button of document.querySelectorAll<HTMLElement>('.mantine-Notification-closeButton')) {
        button.click();
      }
    });
    await expect(close).toHaveCount(0);
  }

  async openPart(name: string | RegExp): Promise<void> {
    await this.parts.getByRole('tab', { name }).click();
  }
}
