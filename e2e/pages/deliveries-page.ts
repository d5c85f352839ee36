import type { Locator, Page } from '@playwright/test';

/** Page object for the Deliveries screen: its list of delivered tasks, one task's delivery, the dashboard. */
export class DeliveriesPage {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByRole('table', { name: 'Deliverables' });
  }

  /** Opens one delivered, accepted or rejected task from the list. */
  async open(title: string): Promise<void> {
    await this.list.getByRole('link', { name: title }).click();
  }

  get dashboard(): Locator {
    return this.page.getByRole('region', { name: 'Deliveries dashboard' });
  }

  /** The dashboard's row for one task in "Hours and review per task". */
  taskRow(title: string): Locator {
    return this.dashboard
      .getByRole('table', { name: 'Hours and review per task' })
      .getByRole('row', { name: title });
  }

  /** The dashboard's row for one client in "Hours and billing per client". */
  clientRow(client: string): Locator {
    return this.dashboard
      .getByRole('table', { name: 'Hours and billing per client' })
      .getByRole('row', { name: client });
  }

  /** The logged-hours cell of a dashboard row (the fourth column in both tables). */
  loggedHours(row: Locator): Locator {
    return row.getByRole('cell').nth(3);
  }

  /** A delivery page's table of state, client, due date and delivery. */
  get details(): Locator {
    return this.page.getByRole('table', { name: 'Delivery details' });
  }

  get decision(): Locator {
    return this.page.getByRole('region', { name: "Client's decision" });
  }

  get notStoredNote(): Locator {
    return this.page.getByText('The deliverable package was not sent to this installation');
  }

  get decisionForm(): Locator {
    return this.page.getByRole('region', { name: 'Your decision' });
  }
}
