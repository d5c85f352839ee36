import type { Locator, Page } from '@playwright/test';

export interface SeedChecklistItem {
  id: string;
  text: string;
  severity: 'critical' | 'major' | 'minor';
  evidenceRequired: boolean;
  automaticCheck?: string;
}

/**
 * Page object for a task's Time, QC checklist and Audit log tabs. Tasks reach an analyst through
 * packages (other features); these specs put one straight into the app's IndexedDB instead, so they
 * test only the tabs.
 */
export class TaskQcTimePage {
  constructor(readonly page: Page) {}

  async seedTask(id: string, checklist: SeedChecklistItem[]): Promise<void> {
    const now = new Date().toISOString();
    const task = {
      id,
      origin: 'received',
      state: 'in_progress',
      title: 'Market sizing',
      client: 'Northwind',
      brief: 'Size the market.',
      questions: [{ number: 1, text: 'How big is the market?' }],
      due: '',
      priority: 'normal',
      estimateHours: 1,
      datasets: [],
      checklistName: 'Seeded',
      checklist,
      version: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.page.evaluate(async (record) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('kpo-workbench');
        request.onsuccess = () => {
          resolve(request.result);
        };
        request.onerror = () => {
          reject(new Error(request.error?.message ?? 'open failed'));
        };
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('tasks', 'readwrite');
        tx.objectStore('tasks').put(record);
        tx.oncomplete = () => {
          resolve();
        };
        tx.onerror = () => {
          reject(new Error(tx.error?.message ?? 'write failed'));
        };
      });
      db.close();
    }, task);
  }

  /** Changes one stored audit event behind the app's back, as someone editing the database would. */
  async tamperWithEvent(taskId: string, seq: number, data: Record<string, unknown>): Promise<void> {
    await this.page.evaluate(
      async ({ taskId: id, seq: n, data: newData }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('kpo-workbench');
          request.onsuccess = () => {
            resolve(request.result);
          };
          request.onerror = () => {
            reject(new Error(request.error?.message ?? 'open failed'));
          };
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('taskEvents', 'readwrite');
          const store = tx.objectStore('taskEvents');
          const get = store.get([id, n]);
          get.onsuccess = () => {
            store.put({ ...(get.result as object), data: newData });
          };
          tx.oncomplete = () => {
            resolve();
          };
          tx.onerror = () => {
            reject(new Error(tx.error?.message ?? 'write failed'));
          };
        });
        db.close();
      },
      { taskId, seq, data },
    );
  }

  async open(taskId: string, tab: 'Time' | 'QC checklist' | 'Audit log'): Promise<void> {
    await this.page.goto(`/#/inbox/${taskId}`);
    await this.page.getByRole('tab', { name: tab }).click();
  }

  async tab(tab: 'Time' | 'QC checklist' | 'Audit log'): Promise<void> {
    await this.page.getByRole('tab', { name: tab }).click();
  }

  item(n: number, text: string): Locator {
    return this.page.getByRole('group', { name: `QC item ${n}: ${text}` });
  }

  async logTime(hours: number, minutes: number, note: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Log time' });
    await form.getByRole('textbox', { name: 'Hours' }).fill(String(hours));
    await form.getByRole('textbox', { name: 'Minutes' }).fill(String(minutes));
    await form.getByRole('textbox', { name: 'Note' }).fill(note);
    await form.getByRole('button', { name: 'Log time' }).click();
  }
}
