import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Page object for one dataset (#/datasets/<id>): the grid, filters, group-by, profile, saved views, export. */
export class DatasetViewPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByRole('grid');
  }

  /** "N of M rows", or "G groups from N of M rows". */
  get viewRowCount(): Locator {
    return this.page.getByTestId('view-row-count');
  }

  get profilePanel(): Locator {
    return this.page.getByTestId('profile-panel');
  }

  get filters(): Locator {
    return this.page.getByRole('region', { name: 'Filters' });
  }

  get groupBy(): Locator {
    return this.page.getByRole('region', { name: 'Group by' });
  }

  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader', { name, exact: true });
  }

  /** Names of the columns in the header, in display order. */
  async columnNames(): Promise<string[]> {
    const headers = this.grid.locator('[role="columnheader"][data-column]');
    return headers.evaluateAll((els) =>
      els
        .map((el) => ({
          name: el.getAttribute('data-column') ?? '',
          at: Number(el.getAttribute('aria-colindex')),
        }))
        .sort((a, b) => a.at - b.at)
        .map((h) => h.name),
    );
  }

  private async columnIndex(name: string): Promise<string> {
    const index = await this.columnHeader(name).getAttribute('aria-colindex');
    if (index === null) throw new Error(`no column ${name}`);
    return index;
  }

  /** The cell at a 0-based result row of a column. */
  async cell(row: number, column: string): Promise<Locator> {
    const colIndex = await this.columnIndex(column);
    return this.grid.locator(
      `[role="row"][aria-rowindex="${row + 2}"] [role="gridcell"][aria-colindex="${colIndex}"]`,
    );
  }

  /** The rendered text of every row (all rows must be on screen), columns in display order. */
  async rows(): Promise<string[][]> {
    return this.grid.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])').evaluateAll((rows) =>
      rows
        .map((row) => ({
          at: Number(row.getAttribute('aria-rowindex')),
          cells: Array.from(row.querySelectorAll('[role="gridcell"]'))
            .map((cell) => ({ at: Number(cell.getAttribute('aria-colindex')), text: cell.textContent }))
            .sort((a, b) => a.at - b.at)
            .map((c) => c.text),
        }))
        .sort((a, b) => a.at - b.at)
        .map((r) => r.cells),
    );
  }

  async expectRows(expected: string[][]): Promise<void> {
    await expect.poll(async () => this.rows()).toEqual(expected);
  }

  /** Waits until the view shown is the answer to the latest change (filters re-run after a short pause). */
  async settled(): Promise<void> {
    await expect(this.page.getByLabel('Updating')).toHaveCount(0);
  }

  /** The header's sort button; its name is the column, plus the sort state when sorted. */
  sortButton(column: string): Locator {
    const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.columnHeader(column).getByRole('button', { name: new RegExp(`^${escaped}(,|$)`) });
  }

  async sortBy(column: string, options: { shift?: boolean } = {}): Promise<void> {
    await this.settled();
    await this.sortButton(column).click({ modifiers: options.shift ? ['Shift'] : [] });
    await this.settled();
  }

  async columnMenu(column: string, item: string): Promise<void> {
    await this.settled();
    await this.columnHeader(column)
      .getByRole('button', { name: `Column menu for ${column}` })
      .click();
    // The menu of this column: another column's menu may still be closing (its transition) in the DOM.
    await this.page
      .getByRole('menu', { name: `Column menu for ${column}` })
      .getByRole('menuitem', { name: item })
      .click();
    await this.settled();
  }

  async profile(column: string): Promise<Locator> {
    await this.columnMenu(column, 'Profile column');
    await expect(this.profilePanel).toBeVisible();
    return this.profilePanel;
  }

  profileStat(label: string): Locator {
    return this.profilePanel.getByTestId('profile-stats').getByRole('row', { name: new RegExp(`^${label}`) });
  }

  async openFilters(): Promise<void> {
    if (!(await this.filters.isVisible())) await this.page.getByRole('button', { name: 'Filters' }).click();
    await expect(this.filters).toBeVisible();
  }

  async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Fills a condition row (a `filter-condition` inside the builder or a group). */
  async fillCondition(
    row: Locator,
    column: string,
    op: string,
    value?: string | [string, string],
  ): Promise<void> {
    await this.choose(row.getByRole('combobox', { name: 'Column' }), column);
    await this.choose(row.getByRole('combobox', { name: 'Operator' }), op);
    if (Array.isArray(value)) {
      await row.getByRole('textbox', { name: 'From' }).fill(value[0]);
      await row.getByRole('textbox', { name: 'To' }).fill(value[1]);
    } else if (value !== undefined) {
      await row.getByRole('textbox', { name: 'Value' }).fill(value);
    }
  }

  async addCondition(column: string, op: string, value?: string | [string, string]): Promise<void> {
    await this.openFilters();
    await this.filters.getByRole('button', { name: 'Add condition', exact: true }).click();
    const row = this.filters.locator(':scope > div > [data-testid="filter-condition"]').last();
    await this.fillCondition(row, column, op, value);
  }

  /** Adds a nested group with the given combinator and conditions. */
  async addGroup(
    combinator: 'All (AND)' | 'Any (OR)',
    conditions: { column: string; op: string; value?: string }[],
  ): Promise<void> {
    await this.openFilters();
    await this.filters.getByRole('button', { name: 'Add group' }).click();
    const group = this.filters.getByTestId('filter-group').last();
    await group.getByText(combinator, { exact: true }).click();
    for (const [i, c] of conditions.entries()) {
      if (i > 0) await group.getByRole('button', { name: 'Add condition to group' }).click();
      await this.fillCondition(group.getByTestId('filter-condition').nth(i), c.column, c.op, c.value);
    }
  }

  async groupByColumns(keys: string[], aggregates: { op: string; column?: string }[]): Promise<void> {
    if (!(await this.groupBy.isVisible()))
      await this.page.getByRole('button', { name: 'Group / pivot' }).click();
    await this.groupBy.getByText('Group by', { exact: true }).click();
    const keyInput = this.groupBy.getByLabel('Group by columns');
    for (const key of keys) await this.choose(keyInput, key);
    await this.page.keyboard.press('Escape');
    for (const [i, a] of aggregates.entries()) {
      if (i > 0) await this.groupBy.getByRole('button', { name: 'Add aggregate' }).click();
      if (a.column !== undefined)
        await this.choose(
          this.groupBy.getByRole('combobox', { name: `Aggregate ${i + 1} column` }),
          a.column,
        );
      await this.choose(this.groupBy.getByRole('combobox', { name: `Aggregate ${i + 1} function` }), a.op);
    }
    await this.settled();
  }

  async pivot(rows: string, columns: string): Promise<void> {
    if (!(await this.groupBy.isVisible()))
      await this.page.getByRole('button', { name: 'Group / pivot' }).click();
    await this.groupBy.getByText('Pivot', { exact: true }).click();
    await this.choose(this.groupBy.getByRole('combobox', { name: 'Rows' }), rows);
    await this.choose(this.groupBy.getByRole('combobox', { name: 'Columns' }), columns);
    await this.settled();
  }

  async saveView(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save view', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('View name').fill(name);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  get savedViewsList(): Locator {
    return this.page.getByRole('list', { name: 'Saved views' });
  }

  async showSavedViews(): Promise<Locator> {
    if (!(await this.savedViewsList.isVisible()))
      await this.page.getByRole('button', { name: /^Saved views/ }).click();
    await expect(this.savedViewsList).toBeVisible();
    return this.savedViewsList;
  }

  async openView(name: string): Promise<void> {
    await (await this.showSavedViews()).getByRole('button', { name: `Open view ${name}` }).click();
  }

  /** Exports the current view; returns the download (browser mode saves through a download). */
  async exportCsv(options: { escapeFormulas: boolean; fileName?: string }): Promise<Download> {
    await this.page.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export view as CSV' });
    if (options.fileName !== undefined) await dialog.getByLabel('File name').fill(options.fileName);
    const box = dialog.getByRole('checkbox', { name: /Protect against formula injection/ });
    await expect(box).toBeChecked();
    if (!options.escapeFormulas) await box.uncheck();
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect(dialog).toBeHidden();
    return download;
  }
}
