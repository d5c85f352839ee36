import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export interface ChartInput {
  view: string;
  type: string;
  x: string;
  y: string[];
  title: string;
  /** Axis labels (not asked of pie and doughnut charts); the automatic QC check wants both. */
  xLabel?: string;
  yLabel?: string;
  caption: string;
  sourceNote?: string;
}

export interface SourceInput {
  title: string;
  author: string;
  url: string;
  notes: string;
  file?: string;
}

/** Page object for a task's workspace: its Charts, Sources, Findings and Answers tabs. */
export class TaskWorkspacePage {
  constructor(readonly page: Page) {}

  async openTab(
    name: 'Brief & data' | 'Charts' | 'Sources' | 'Findings' | 'Answers' | 'Audit log',
  ): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  private async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  // ---- Charts ----

  chart(title: string): Locator {
    return this.page.getByRole('figure', { name: title });
  }

  async createChart(input: ChartInput): Promise<void> {
    await this.page.getByRole('button', { name: 'New chart' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New chart' });
    await this.choose(dialog.getByRole('combobox', { name: 'Saved view' }), input.view);
    await this.choose(dialog.getByRole('combobox', { name: 'Chart type' }), input.type);
    await this.choose(
      dialog.getByRole('combobox', { name: /^(Categories|X values|Column to count)/ }),
      input.x,
    );
    for (const y of input.y) await this.choose(dialog.getByLabel('Value columns'), y);
    await this.page.keyboard.press('Escape');
    await dialog.getByRole('textbox', { name: 'Title' }).fill(input.title);
    if (input.xLabel !== undefined)
      await dialog.getByRole('textbox', { name: 'X-axis label' }).fill(input.xLabel);
    if (input.yLabel !== undefined)
      await dialog.getByRole('textbox', { name: 'Y-axis label' }).fill(input.yLabel);
    await dialog.getByRole('textbox', { name: 'Caption' }).fill(input.caption);
    if (input.sourceNote !== undefined)
      await dialog.getByRole('textbox', { name: 'Source note' }).fill(input.sourceNote);
    await expect(
      dialog.getByRole('group', { name: 'Preview' }).getByRole('img', { name: input.title }),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Create chart' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the chart's editor, fills the given text fields and saves. */
  async editChart(
    title: string,
    fields: Partial<Record<'Title' | 'X-axis label' | 'Y-axis label' | 'Caption' | 'Source note', string>>,
  ): Promise<void> {
    await this.chart(title).getByRole('button', { name: 'Edit' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Edit chart' });
    for (const [name, value] of Object.entries(fields))
      await dialog.getByRole('textbox', { name }).fill(value);
    await dialog.getByRole('button', { name: 'Save chart' }).click();
    await expect(dialog).toBeHidden();
  }

  async saveChartPng(title: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.chart(title).getByRole('button', { name: 'Save as PNG' }).click();
    return download;
  }

  /** Confirms the deletion; returns the dialog, which stays open with the reason when it is refused. */
  async deleteChart(title: string): Promise<Locator> {
    await this.chart(title).getByRole('button', { name: 'Delete' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete "${title}"?` });
    await dialog.getByRole('button', { name: 'Delete chart' }).click();
    return dialog;
  }

  // ---- Sources ----

  source(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  /** Fills the source dialog and submits it; the dialog stays open when the app refuses the input. */
  async submitSource(input: SourceInput): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add source' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Add source' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(input.title);
    await dialog.getByRole('textbox', { name: 'Author or organisation' }).fill(input.author);
    await dialog.getByRole('textbox', { name: 'URL' }).fill(input.url);
    await dialog.getByRole('textbox', { name: 'Excerpt or notes' }).fill(input.notes);
    if (input.file !== undefined) {
      const chooser = this.page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Attach file' }).click();
      await (await chooser).setFiles(input.file);
      await expect(dialog.getByTestId('source-attachment-name')).toHaveText(
        input.file.split('/').pop() ?? '',
      );
    }
    await dialog.getByRole('button', { name: 'Add source' }).click();
    return dialog;
  }

  async deleteSource(title: string): Promise<Locator> {
    await this.source(title).getByRole('button', { name: 'Delete' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Delete "${title}"?` });
    await dialog.getByRole('button', { name: 'Delete source' }).click();
    return dialog;
  }

  // ---- Findings ----

  finding(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  async newFinding(title: string): Promise<Locator> {
    const count = await this.page.getByTestId('finding').count();
    await this.page.getByRole('button', { name: 'New finding' }).first().click();
    const created = this.page.getByTestId('finding').nth(count);
    await created.getByRole('textbox', { name: 'Finding title' }).fill(title);
    return this.finding(title);
  }

  async typeInFinding(finding: Locator, text: string): Promise<void> {
    const editor = finding.getByRole('textbox', { name: 'Markdown' });
    await editor.press('ControlOrMeta+End');
    await editor.pressSequentially(text);
  }

  async insertReference(
    finding: Locator,
    menu: 'Insert chart' | 'Insert view table' | 'Cite source',
    item: string,
  ): Promise<void> {
    await finding.getByRole('button', { name: menu }).click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  preview(finding: Locator): Locator {
    return finding.getByTestId('finding-preview');
  }

  async expectSaved(section: Locator): Promise<void> {
    await expect(section.getByTestId('save-status')).toHaveText('All changes saved', { timeout: 10_000 });
  }

  // ---- Answers ----

  answer(questionNumber: number): Locator {
    return this.page.getByRole('region', { name: `Question ${questionNumber}`, exact: true });
  }

  async writeAnswer(questionNumber: number, text: string, evidence: string[]): Promise<void> {
    const answer = this.answer(questionNumber);
    await answer.getByRole('textbox', { name: `Answer to question ${questionNumber}` }).fill(text);
    for (const item of evidence)
      await this.choose(answer.getByLabel(`Evidence for question ${questionNumber}`), item);
    await this.page.keyboard.press('Escape');
    await this.expectSaved(answer);
  }
}
