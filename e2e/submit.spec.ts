import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDeliverable } from '../src/core/deliverable';
import { verifyPackage } from '../src/core/package';
import { expect, test } from './fixtures';
import { SubmitPage } from './pages/submit-page';
import type { Page } from '@playwright/test';

const TASK_ID = 'e2e-submit-task';

/**
 * Puts an in-progress task with one answered question and a passing checklist straight into
 * IndexedDB: the coordinator and import flows that would create it are tested on their own.
 */
async function seedTask(page: Page, critical: 'pass' | 'open'): Promise<void> {
  await page.evaluate(
    async ({ taskId, critical }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('kpo-workbench');
        request.onsuccess = () => {
          resolve(request.result);
        };
        request.onerror = () => {
          reject(new Error(request.error?.message ?? 'open failed'));
        };
      });
      const profile = await new Promise<{ keyId: string; displayName: string }>((resolve) => {
        const request = db.transaction('profile').objectStore('profile').get('me');
        request.onsuccess = () => {
          resolve(request.result as { keyId: string; displayName: string });
        };
      });
      const now = new Date().toISOString();
      const tx = db.transaction(['tasks', 'answers', 'qcResults'], 'readwrite');
      tx.objectStore('tasks').put({
        id: taskId,
        origin: 'received',
        state: 'in_progress',
        title: 'Regional sales drivers',
        client: 'Northwind',
        brief: 'Explain Q4.',
        questions: [{ number: 1, text: 'Which region grew fastest?' }],
        due: '2030-01-01T17:00:00Z',
        priority: 'normal',
        estimateHours: 2,
        coordinator: { name: 'Cora', keyId: profile.keyId },
        analyst: { name: profile.displayName, keyId: profile.keyId },
        datasets: [],
        checklistName: 'Research',
        checklist: [
          { id: 'answered', text: 'Every question answered', severity: 'critical', evidenceRequired: false },
        ],
        version: 0,
        createdAt: now,
        updatedAt: now,
      });
      tx.objectStore('answers').put({
        taskId,
        questionNumber: 1,
        text: 'The **north**, by 12 %.',
        evidence: [],
        updatedAt: now,
      });
      tx.objectStore('qcResults').put({
        taskId,
        itemId: 'answered',
        result: critical,
        comment: '',
        evidence: [],
        justification: '',
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => {
          resolve();
        };
        tx.onerror = () => {
          reject(new Error(tx.error?.message ?? 'seed failed'));
        };
      });
      db.close();
    },
    { taskId: TASK_ID, critical },
  );
}

test('an in-progress task is previewed, attested, signed and exported as version 1, then read-only', async ({
  app,
  page,
}) => {
  await app.goto();
  await app.completeOnboarding();
  await seedTask(page, 'pass');
  const submit = new SubmitPage(page);
  await submit.goto(TASK_ID);

  await expect(page.getByText('Version 1 is ready to submit')).toBeVisible();
  await expect(submit.preview).toHaveAttribute('sandbox', '');
  // The frame runs no script at all, Playwright's included, so its document is checked as text.
  await expect(submit.preview).toHaveAttribute('srcdoc', /<h1>Regional sales drivers<\/h1>/);
  await expect(submit.preview).toHaveAttribute('srcdoc', /The <strong>north<\/strong>, by 12 %\./);
  expect(await submit.preview.getAttribute('srcdoc')).not.toMatch(/<script/i);
  await expect(page.getByText(/I, Ana Analyst, attest that this deliverable version 1/)).toBeVisible();

  // Browser mode has no PDF bytes: the report is put into the page for the print dialog, then removed.
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedReport = String(document.querySelectorAll('.kpo-print-report h1').length);
    };
  });
  await page.getByRole('button', { name: 'Print / Save as PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed-report', '1');
  await expect(page.locator('.kpo-print-report')).toHaveCount(0);

  await expect(submit.signAndExport).toBeDisabled();
  const previewedDigest = (await page.getByTestId('preview-digest').textContent()) ?? '';
  await submit.attestation.check();
  const download = page.waitForEvent('download');
  await submit.signAndExport.click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Regional-sales-drivers-v1.submission.kpo');
  const dir = mkdtempSync(join(tmpdir(), 'kpo-e2e-submission-'));
  const kpoPath = join(dir, 'submission.kpo');
  await saved.saveAs(kpoPath);

  // What the reviewer receives: a verified bag whose deliverable reads back, signed so minisign agrees.
  const verified = verifyPackage(new Uint8Array(readFileSync(kpoPath)), { trustedKeys: [] });
  expect(verified.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  expect(verified.info.kind).toBe('submission');
  const deliverable = readDeliverable(verified.files ?? new Map());
  expect(deliverable.ok && deliverable.deliverable.manifest.version).toBe(1);
  // The package is the version previewed, not one assembled again: the digest shown is the one signed.
  expect(deliverable.ok && `${deliverable.deliverable.contentDigest.slice(0, 32)}…`).toBe(previewedDigest);
  execFileSync('unzip', ['-q', kpoPath, '-d', dir]);
  const bagDir = join(dir, readdirSync(dir).find((name) => !name.endsWith('.kpo')) ?? '');
  const minisign = execFileSync(
    'minisign',
    ['-V', '-m', 'tagmanifest-sha512.txt', '-p', 'signer.pub', '-x', 'tagmanifest-sha512.txt.minisig'],
    { cwd: bagDir, encoding: 'utf8' },
  );
  expect(minisign).toContain('kind=submission');

  await expect(page.getByText('Version 1: submitted')).toBeVisible();
  await expect(submit.history.getByRole('row')).toHaveCount(2);
  await expect(
    submit.history.getByRole('button', { name: 'Save the version 1 package again' }),
  ).toBeVisible();
  await expect(submit.signAndExport).toHaveCount(0);
});

test('a critical QC item still open blocks the submission and says which', async ({ app, page }) => {
  await app.goto();
  await app.completeOnboarding();
  await seedTask(page, 'open');
  const submit = new SubmitPage(page);
  await submit.goto(TASK_ID);
  await expect(page.getByText('Not ready to submit')).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Not ready to submit' })).toContainText(
    "Item 1 ('Every question answered') has no result",
  );
  await expect(submit.attestation).toBeDisabled();
  await expect(submit.signAndExport).toBeDisabled();
});
