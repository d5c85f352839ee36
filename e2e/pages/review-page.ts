import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

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
    await expect(item.getByTestId('verdict-status')).toHaveText(`Verdict saved: ${verdict.toLowerCase()}`);
  }

  /** A new comment thread on one part (`where` as the screen names it, e.g. `report section "Findings"`). */
  async comment(where: string, body: string): Promise<void> {
    const thread = this.page.getByRole('group', { name: `Comments on ${where}` });
    await thread.getByLabel(`Comment on ${where}`).fill(body);
    await thread.getByRole('button', { name: 'Add comment' }).click();
    await expect(thread.getByRole('article').last()).toContainText(body);
  }

  /** Threads on things the version under review no longer has. */
  get elsewhere(): Locator {
    return this.page.getByRole('region', { name: 'Comments on things no longer in this version' });
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
