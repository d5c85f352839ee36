import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Page object for the Datasets screen: CSV import, the list, and each dataset's report. */
export class DatasetsPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Datasets' });
  }

  get imports(): Locator {
    return this.page.getByTestId('dataset-imports');
  }

  get reportDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Import report: / });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Chooses files through the Import CSV button's file dialog. */
  async importFiles(...paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import CSV' }).click();
    const fileChooser = await chooser;
    expect(fileChooser.isMultiple()).toBe(true);
    await fileChooser.setFiles(paths);
  }

  /** Drops a file made in the page onto the screen, as dragging it from the desktop does. */
  async dropFile(name: string, content: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], fileName, { type: 'text/csv' }));
        return transfer;
      },
      [name, content] as const,
    );
    const zone = this.page.getByTestId('datasets-drop-zone');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  /** The finished-import notice for a file (success, failure or cancel). */
  finished(fileName: string): Locator {
    return this.imports.getByRole('alert').filter({ hasText: fileName });
  }

  async action(
    datasetName: string,
    item: 'Open' | 'Import report and options' | 'Rename' | 'Delete',
  ): Promise<void> {
    await this.row(datasetName)
      .getByRole('button', { name: `Actions for ${datasetName}` })
      .click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  async openReport(datasetName: string): Promise<Locator> {
    await this.action(datasetName, 'Import report and options');
    await expect(this.reportDialog).toBeVisible();
    return this.reportDialog;
  }

  fact(label: string): Locator {
    return this.reportDialog.getByTestId('import-facts').getByRole('row', { name: new RegExp(`^${label}`) });
  }
}
