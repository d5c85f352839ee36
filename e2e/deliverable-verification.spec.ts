import { readFileSync } from 'node:fs';
import { encodePublicKey } from '../src/core/minisign';
import { verifyPackage } from '../src/core/package';
import { acceptanceSchema } from '../src/core/review';
import { expect, test } from './fixtures';
import { collectConsoleErrors } from './support/console-noise';
import { AppPage } from './pages/app-page';
import { ClientDeliverablePage } from './pages/client-deliverable-page';
import { InboxPage } from './pages/inbox-page';
import { seriousViolations } from './support/axe';
import { writeDeliverablePackage } from './support/deliverable-packages';

const CLIENT = {
  name: 'Nina Northwind',
  organisation: 'Northwind Ltd',
  email: 'nina@northwind.example',
  roles: ['Client'],
};

test.beforeEach(async ({ app }) => {
  await app.goto();
  await app.completeOnboarding(CLIENT);
});

test('a deliverable with one byte changed is refused, naming the changed file', async ({ page }) => {
  const inbox = new InboxPage(page);
  const { path } = await writeDeliverablePackage({
    tamper: (files) => {
      const report = files.get('data/deliverable/report.md');
      if (!report) throw new Error('fixture has no report.md');
      const changed = report.slice();
      changed[5] = (changed[5] ?? 0) ^ 0x01;
      files.set('data/deliverable/report.md', changed);
    },
  });
  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Invalid');
  await expect(inbox.dialog.getByTestId('findings')).toContainText('data/deliverable/report.md');
  await expect(inbox.dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await inbox.dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(inbox.importedPackages).toHaveCount(0);
});

test("a deliverable whose QC results the reviewer rewrote is refused: the analyst's manifest names the file", async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  const { path } = await writeDeliverablePackage({
    editPayload: (payload) => {
      const checklist = new TextDecoder().decode(payload.get('qc/checklist.json'));
      if (!checklist.includes('"pass"')) throw new Error('fixture has no passed QC item');
      payload.set('qc/checklist.json', new TextEncoder().encode(checklist.replace('"pass"', '"fail"')));
    },
  });
  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Invalid');
  const findings = inbox.dialog.getByTestId('findings');
  await expect(findings).toContainText('data/qc/checklist.json');
  await expect(findings).toContainText('not the one the analyst signed in version 1');
  await expect(inbox.dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
});

test('a deliverable from unknown signers is marked and viewable only after an explicit choice', async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  const client = new ClientDeliverablePage(page);
  // No report.pdf (as from browser mode): "Save as PDF" has to print the report itself.
  // No report.pdf, and a checklist whose automatic item failed with a justification and whose manual
  // item passed on linked and written evidence: the client sees all of it.
  const { path, keys } = await writeDeliverablePackage({
    content: {
      reportPdf: undefined,
      checklist: {
        items: [
          {
            id: 'q-answered',
            text: 'Every question answered',
            severity: 'critical',
            evidenceRequired: false,
            automaticCheck: 'every-question-answered',
            result: 'fail',
            automaticReasons: ['Question 2 has no answer'],
            justification: 'The client withdrew question 2.',
          },
          {
            id: 'sources',
            text: 'Sources cited',
            severity: 'major',
            evidenceRequired: true,
            result: 'pass',
            evidence: ['source:s1', 'Phone call of 2 March'],
          },
        ],
      },
    },
  });
  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Unknown signer');
  await inbox.dialog.getByRole('checkbox', { name: /Import anyway/ }).check();
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(client.status).toHaveText('Unknown signer');
  await expect(client.signoffs.getByRole('row', { name: /analyst/ })).toContainText(keys.analyst.keyId);
  await expect(client.signoffs.getByRole('row', { name: /analyst/ })).toContainText('Unknown key');
  await expect(client.signoffs.getByRole('row', { name: /reviewer/ })).toContainText('Valid');
  await expect(client.parts).toHaveCount(0);
  // The import's notification has an unlabelled close button (shared notifications setup); axe the view itself.
  await client.dismissNotifications();
  expect(await seriousViolations(page)).toEqual([]);

  await client.viewAnyway.check();
  await expect(client.parts).toBeVisible();
  await expect(client.unknownSignerMark).toBeVisible();
  await expect(client.status).toHaveText('Unknown signer');
  // The report is the delivered HTML, in a sandboxed frame with no scripts and no same-origin access.
  const report = page.getByTitle('Report');
  await expect(report).toHaveAttribute('sandbox', '');
  // Its content is checked through the attribute: Playwright cannot script inside a sandbox="" frame.
  await expect(report).toHaveAttribute('srcdoc', /<p>The north grew fastest\.<\/p>/);
  await expect(report).toBeVisible();

  // The verification stays in view below the app's fixed header when the deliverable is scrolled.
  await page.evaluate(() => {
    window.scrollTo(0, document.body.scrollHeight);
  });
  await expect.poll(async () => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const header = await page.locator('header').first().boundingBox();
  const panel = await client.verification.boundingBox();
  expect(panel?.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0) - 1);
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });

  // The report saves as the delivered HTML, byte for byte, and prints as the report, not the screen.
  const deliveredFiles = verifyPackage(readFileSync(path), { trustedKeys: [] }).files;
  const htmlDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save report as HTML' }).click();
  expect(readFileSync(await (await htmlDownload).path())).toEqual(
    Buffer.from(deliveredFiles?.get('data/deliverable/report.html') ?? []),
  );
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedReport = [
        document.body.classList.contains('kpo-printing-report'),
        document.querySelector('.kpo-print-report h1')?.textContent,
        document.querySelectorAll('.kpo-print-report #answers h3').length,
      ].join('|');
    };
  });
  await page.getByRole('button', { name: 'Print / Save as PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed-report', 'true|Regional sales drivers|2');
  await expect(page.locator('.kpo-print-report')).toHaveCount(0);

  // Review history, time and audit timeline read as sentences with names, not ids and event types.
  await client.openPart('Review history');
  await expect(page.getByRole('region', { name: 'Review history' })).toContainText(
    'On the report as a whole',
  );
  await client.openPart(/^Time/);
  await expect(page.getByTestId('time-total')).toContainText('against an estimate of 12 h 00 min');
  await client.openPart('Audit timeline');
  await expect(page.getByRole('group', { name: 'Event 1' })).toContainText('Task assigned');
  await expect(page.getByRole('group', { name: 'Event 1' })).toContainText('Cora Coordinator');

  // An answer's evidence is a named reference that opens the part showing it.
  await client.openPart('Answers');
  await page
    .getByRole('region', { name: 'Question 1' })
    .getByRole('button', { name: 'Chart "Growth by region"' })
    .click();
  await expect(client.parts.getByRole('tab', { name: /^Charts/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#deliverable-chart-growth')).toBeFocused();

  // The checklist shows why the app's check failed, the justification, and the evidence by name.
  await client.openPart('QC checklist');
  const checklist = page.getByRole('table', { name: 'QC checklist' });
  const answered = checklist.getByRole('row', { name: /Every question answered/ });
  await expect(answered.getByRole('list', { name: /fails its automatic check/ })).toHaveText(
    'Question 2 has no answer',
  );
  await expect(answered).toContainText('Justification: The client withdrew question 2.');
  const cited = checklist.getByRole('row', { name: /Sources cited/ });
  await expect(cited).toContainText('Evidence: Source "Retail survey", Phone call of 2 March');
  await cited.getByRole('button', { name: 'Source "Retail survey"' }).click();
  await expect(page.locator('#deliverable-source-s1')).toBeFocused();
  // Sources carry their excerpt or notes.
  await expect(page.locator('#deliverable-source-s2')).toContainText('Call with store manager');
  // With the deliverable open, the decision form is on screen too.
  expect(await seriousViolations(page)).toEqual([]);
});

test('a trusted deliverable is shown at once, its tables sort, and accepting exports a signed acceptance', async ({
  app,
  page,
  browser,
}) => {
  const inbox = new InboxPage(page);
  const client = new ClientDeliverablePage(page);
  // A large table: the grid shows its first rows only, and the download still has every byte.
  const orders = [
    'order,region,amount',
    ...Array.from({ length: 5_003 }, (_, i) => `${String(i + 1)},north,${String(i % 97)}`),
  ].join('\r\n');
  const { path, keys } = await writeDeliverablePackage({
    content: {
      tables: [
        { id: 'summary', name: 'Growth by region', csv: 'region,growth\nnorth,0.12\nsouth,-0.03\n' },
        { id: '5b0c2f7e-8d4a-4c1e-9f3b-2a6d8e1c7b90', name: 'Orders: all of Q4', csv: `\uFEFF${orders}\r\n` },
      ],
    },
  });
  await app.openFromSidebar('Settings');
  await app.addTrustedKey(encodePublicKey(keys.analyst.secret), 'Ada Analyst');
  await app.addTrustedKey(encodePublicKey(keys.reviewer.secret), 'Rex Reviewer');
  await app.openFromSidebar('Inbox');

  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Trusted');
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(client.status).toHaveText('Verified and trusted');
  await expect(client.signoffs.getByRole('row', { name: /reviewer/ })).toContainText('Trusted');
  await expect(client.viewAnyway).toHaveCount(0);
  await expect(client.unknownSignerMark).toHaveCount(0);

  // A source's attached file comes out byte for byte (it was checked against sources.json's SHA-256).
  await client.openPart('Sources');
  const attachment = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save survey.pdf' }).click();
  const attachmentPath = await (await attachment).path();
  expect(readFileSync(attachmentPath, 'utf8')).toBe('%PDF-1.4 survey');

  await client.openPart(/Tables/);
  const table = page.getByRole('table', { name: 'Rows of table "Growth by region"' });
  await expect(table.getByRole('row').nth(1)).toContainText('north');
  await table.getByRole('button', { name: /growth/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('south');

  const big = page.getByRole('region', { name: 'Table "Orders: all of Q4"' });
  await expect(big.getByTestId('table-row-note')).toContainText('Showing the first 5,000 of 5,003 rows');
  await expect(big).not.toContainText('5b0c2f7e');
  const tableDownload = page.waitForEvent('download');
  await big.getByRole('button', { name: 'Download CSV of table "Orders: all of Q4"' }).click();
  const csv = await tableDownload;
  expect(csv.suggestedFilename()).toBe('orders-all-of-q4.csv');
  expect(readFileSync(await csv.path())).toEqual(
    Buffer.from(
      verifyPackage(readFileSync(path), { trustedKeys: [] }).files?.get(
        'data/deliverable/tables/5b0c2f7e-8d4a-4c1e-9f3b-2a6d8e1c7b90.csv',
      ) ?? [],
    ),
  );

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Accept deliverable' }).click();
  const saved = await (await download).path();
  await expect(page.getByText('You accepted this deliverable.')).toBeVisible();

  const result = verifyPackage(readFileSync(saved), { trustedKeys: [] });
  expect(result.info.kind).toBe('acceptance');
  expect(result.status).toBe('unknown-signer');
  const acceptance = acceptanceSchema.parse(
    JSON.parse(new TextDecoder().decode(result.files?.get('data/acceptance.json'))),
  );
  const delivered = verifyPackage(readFileSync(path), { trustedKeys: [] });
  const analystDigest = (
    JSON.parse(new TextDecoder().decode(delivered.files?.get('data/signoffs.json'))) as {
      signoffs: { contentDigest: string }[];
    }
  ).signoffs[0]?.contentDigest;
  expect(acceptance).toMatchObject({
    decision: 'accepted',
    signoff: { role: 'client', contentDigest: analystDigest },
  });
  await client.dismissNotifications();
  expect(await seriousViolations(page)).toEqual([]);

  await app.openFromSidebar('Deliveries');
  const dashboard = page.getByRole('region', { name: 'Deliveries dashboard' });
  await expect(dashboard.getByRole('table', { name: 'Tasks by state' })).toContainText('Accepted');
  await dashboard.getByRole('button', { name: 'Show history of Regional sales drivers' }).click();
  await expect(
    dashboard.getByRole('list', { name: 'Version history of Regional sales drivers' }),
  ).toContainText('Accepted, by Nina Northwind');
  await dashboard.getByLabel('Hourly rate for Northwind Ltd').fill('95');
  await dashboard.getByRole('button', { name: 'Save rate for Northwind Ltd' }).click();
  await expect(dashboard.getByRole('table', { name: 'Hours and billing per client' })).toContainText('Saved');
  const csvDownload = page.waitForEvent('download');
  await dashboard.getByRole('button', { name: 'Export billable summary (CSV)' }).click();
  expect(readFileSync(await (await csvDownload).path(), 'utf8')).toBe(
    'client,tasks,estimated_hours,logged_hours,rate,billable\r\nNorthwind Ltd,1,12.00,0.00,95.00,0.00\r\n',
  );
  await client.dismissNotifications();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('theme-toggle').click();
  expect(await seriousViolations(page)).toEqual([]);

  // An app that never had the task (its own storage) cannot have it closed by a decision: refused, nothing stored.
  const providerContext = await browser.newContext();
  const provider = await providerContext.newPage();
  const providerErrors = collectConsoleErrors(provider);
  const providerApp = new AppPage(provider);
  await providerApp.goto();
  await providerApp.completeOnboarding();
  const providerInbox = new InboxPage(provider);
  await providerInbox.chooseFile(saved);
  await providerInbox.dialog.getByRole('checkbox', { name: /Import anyway/ }).check();
  await providerInbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    providerInbox.dialog
      .getByRole('alert')
      .filter({ hasText: 'This decision is about task task-2025-001, which is not in this workbench.' }),
  ).toBeVisible();
  expect(providerErrors).toEqual([]);
  await providerContext.close();
});
