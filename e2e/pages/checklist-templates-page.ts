import type { Locator, Page } from '@playwright/test';

/** Page object for Settings › QC checklist templates and its editor. */
export class ChecklistTemplatesPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'QC checklist templates' });
  }

  get table(): Locator {
    return this.section.getByRole('table', { name: 'Checklist templates' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async duplicate(name: string): Promise<void> {
    await this.section.getByRole('button', { name: `Duplicate ${name}`, exact: true }).click();
  }

  editor(name: string): Locator {
    return this.section.getByRole('form', { name: `Edit template ${name}` });
  }

  itemText(editor: Locator, n: number): Locator {
    return editor.getByRole('textbox', { name: `Item ${n} text` });
  }

  async setSeverity(editor: Locator, n: number, severity: 'Critical' | 'Major' | 'Minor'): Promise<void> {
    await editor.getByRole('combobox', { name: `Item ${n} severity` }).click();
    await this.page.getByRole('option', { name: severity, exact: true }).click();
  }
}
