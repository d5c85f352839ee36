import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export interface TaskFields {
  title: string;
  client: string;
  brief: string;
  questions: string[];
  /** As `<input type="datetime-local">` takes it: YYYY-MM-DDTHH:mm, local time. */
  due: string;
  priority: 'Low' | 'Normal' | 'High' | 'Urgent';
  estimateHours: string;
  analyst: string;
  reviewer: string;
}

export interface ChecklistItem {
  text: string;
  severity: 'Critical' | 'Major' | 'Minor';
  evidenceRequired: boolean;
}

/** Page object for writing a task in the Inbox: the editor, and the draft's overview actions. */
export class TaskEditorPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('form', { name: 'Task editor' });
  }

  get tasksTable(): Locator {
    return this.page.getByTestId('tasks-table');
  }

  /** The Inbox's Received / Drafts / Sent / All switch. */
  async show(which: 'All' | 'Received' | 'Drafts' | 'Sent'): Promise<void> {
    const radio = this.page.getByRole('radio', { name: which });
    await this.page.getByLabel('Show tasks').locator('label', { hasText: which }).click();
    await expect(radio).toBeChecked();
  }

  async newTask(): Promise<void> {
    await this.page.getByRole('button', { name: 'New task' }).click();
    await expect(this.form).toBeVisible();
  }

  async fill(fields: TaskFields): Promise<void> {
    const form = this.form;
    await form.getByLabel('Title').fill(fields.title);
    await form.getByLabel('Client').fill(fields.client);
    await form.getByLabel('Brief (Markdown)').fill(fields.brief);
    for (const [index, question] of fields.questions.entries()) {
      await form.getByRole('button', { name: 'Add question' }).click();
      await form.getByLabel(`Question ${index + 1}`, { exact: true }).fill(question);
    }
    await form.getByLabel('Due').fill(fields.due);
    await form.getByLabel('Priority').selectOption({ label: fields.priority });
    await form.getByLabel('Estimated effort (hours)').fill(fields.estimateHours);
    await form.getByLabel('Analyst').selectOption({ label: fields.analyst });
    await form.getByLabel('Reviewer').selectOption({ label: fields.reviewer });
  }

  async previewBrief(): Promise<Locator> {
    await this.form.getByRole('tab', { name: 'Preview' }).click();
    const preview = this.form.getByTestId('brief-preview');
    await expect(preview).toBeVisible();
    return preview;
  }

  async attachCsv(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.form.getByRole('button', { name: 'Attach CSV' }).click();
    await (await chooser).setFiles(path);
  }

  dataset(name: string): Locator {
    return this.page.getByRole('listitem', { name });
  }

  async addChecklistItem(index: number, item: ChecklistItem): Promise<void> {
    const form = this.form;
    await form.getByRole('button', { name: 'Add checklist item' }).click();
    await form.getByLabel(`Checklist item ${index}`, { exact: true }).fill(item.text);
    await form.getByLabel(`Severity of item ${index}`).selectOption({ label: item.severity });
    const evidence = form.getByRole('checkbox', { name: `Evidence required for item ${index}` });
    if (item.evidenceRequired) await evidence.check();
    else await evidence.uncheck();
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save draft' }).click();
    await expect(this.form).toBeHidden();
  }

  /** Exports the draft; in browser mode the package arrives as a download, saved to `path`. */
  async exportPackage(path: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export task package' }).click();
    const file = await download;
    await file.saveAs(path);
    return file.suggestedFilename();
  }
}
