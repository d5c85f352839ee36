import type { Locator, Page } from '@playwright/test';

/** Page object for the reviewer's workspace on one submission. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  qcItem(text: string): Locator {
    return this.page.getByRole('region', { name: `QC item ${text}` });
  }

  async setVerdict(itemText: string, verdict: 'Agree' | 'Disagree', comment = ''): Promise<void> {
    const item = this.qcItem(itemText);
    await item.getByText(verdict, { exact: true }).click();
    if (comment) await item.getByLabel(`Verdict comment on ${itemText}`).fill(comment);
    await item.getByRole('button', { name: 'Save verdict' }).click();
  }

  get blockedReasons(): Locator {
    return this.page.getByRole('list', { name: 'Why approval is blocked' });
  }

  get approveButton(): Locator {
    return this.page.getByRole('button', { name: 'Approve and export deliverable' });
  }

  get diff(): Locator {
    return this.page.getByRole('region', { name: /Changes from version/ });
  }
}
