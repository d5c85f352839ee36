import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Download, Page } from '@playwright/test';
import { validateBag } from '../src/core/bagit';
import { verifyPackage } from '../src/core/package';
import { expect, test } from './fixtures';
import { collectConsoleErrors } from './support/console-noise';
import type { ProfileDetails } from './pages/app-page';
import { AppPage } from './pages/app-page';
import { ClientDeliverablePage } from './pages/client-deliverable-page';
import { DeliveriesPage } from './pages/deliveries-page';
import { DatasetViewPage } from './pages/dataset-view-page';
import { InboxPage } from './pages/inbox-page';
import { ReviewPage } from './pages/review-page';
import { SubmitPage } from './pages/submit-page';
import { TaskEditorPage } from './pages/task-editor-page';
import { TaskQcTimePage } from './pages/task-qc-time-page';
import { TaskWorkspacePage } from './pages/task-workspace-page';
import { seriousViolations } from './support/axe';

const PEOPLE = {
  coordinator: {
    name: 'Cora Coordinator',
    organisation: 'Contoso Insights',
    email: 'cora@contoso.example',
    roles: ['Coordinator'],
  },
  analyst: {
    name: 'Ana Analyst',
    organisation: 'Contoso Insights',
    email: 'ana@contoso.example',
    roles: ['Analyst'],
  },
  reviewer: {
    name: 'Rex Reviewer',
    organisation: 'Contoso Insights',
    email: 'rex@contoso.example',
    roles: ['Reviewer'],
  },
  client: {
    name: 'Nina Northwind',
    organisation: 'Northwind Ltd',
    email: 'nina@northwind.example',
    roles: ['Client'],
  },
} satisfies Record<string, ProfileDetails>;

const TITLE = 'Regional revenue drivers';
const CSV =
  'region,month,revenue\nNorth,2026-01,1200.50\nSouth,2026-01,830\nNorth,2026-02,1410.25\nSouth,2026-02,790\n';
const UNITS = 'Units stated on every chart';
const ANSWER_V1 = 'The north grew fastest.';
const ANSWER_V2 = 'The north grew fastest, by 17% over two months.';

interface Person {
  page: Page;
  app: AppPage;
  errors: string[];
  publicKey: string;
  keyId: string;
}

/** Onboards one person in `page` and reads their public key from Settings. */
async function onboard(page: Page, profile: ProfileDetails, errors: string[]): Promise<Person> {
  const app = new AppPage(page);
  await app.goto();
  await app.completeOnboarding(profile);
  const { text, keyId } = await app.ownPublicKey();
  return { page, app, errors, publicKey: text, keyId };
}

async function newPerson(browser: Browser, profile: ProfileDetails): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  collectConsoleErrors(page, errors);
  return onboard(page, profile, errors);
}

/** Opens Settings and trusts each of `others`' keys. */
async function trust(person: Person, others: [Person, string][]): Promise<void> {
  await person.app.openFromSidebar('Settings');
  for (const [other, name] of others) {
    await person.app.addTrustedKey(other.publicKey, name);
    await expect(person.page.getByTestId('trusted-keys-table')).toContainText(other.keyId);
  }
}

async function importPackage(person: Person, path: string): Promise<void> {
  await person.app.openFromSidebar('Inbox');
  const inbox = new InboxPage(person.page);
  await inbox.chooseFile(path);
  await expect(inbox.status).toHaveText('Trusted');
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(inbox.dialog).toBeHidden();
}

/** The reviewer's comment on one part of the deliverable (`where` as the review screen names it). */
async function addComment(page: Page, where: string, body: string): Promise<void> {
  const thread = page.getByRole('group', { name: `Comments on ${where}` });
  await thread.getByLabel(`Comment on ${where}`).fill(body);
  await thread.getByRole('button', { name: 'Add comment' }).click();
  await expect(thread.getByRole('article', { name: `Comment by Rex Reviewer on ${where}` })).toContainText(
    body,
  );
}

/** Closes the app's toasts (their close buttons are unlabelled in the shared notifications setup). */
async function dismissNotifications(page: Page): Promise<void> {
  // Toasts may be sliding in or out, never "stable" for a normal click, so all are closed at once.
  await page.evaluate(() => {
    for (const button of document.querySelectorAll<HTMLElement>('.mantine-Notification-closeButton'))
      button.click();
  });
  await expect(page.locator('.mantine-Notification-closeButton')).toHaveCount(0);
}

async function saveDownload(download: Promise<Download>, path: string): Promise<string> {
  await (await download).saveAs(path);
  return path;
}

test('task → v1 → changes requested → v2 → approval → client accepts → the coordinator sees it accepted and billable', async ({
  page,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'kpo-e2e-lifecycle-'));
  const csvPath = join(scratch, 'regional-sales.csv');
  writeFileSync(csvPath, CSV);

  const coordinator = await onboard(page, PEOPLE.coordinator, consoleErrors);
  const analyst = await newPerson(browser, PEOPLE.analyst);
  const reviewer = await newPerson(browser, PEOPLE.reviewer);
  const client = await newPerson(browser, PEOPLE.client);
  await test.step('keys are exchanged: each trusts the people whose packages they receive', async () => {
    await trust(coordinator, [
      [analyst, 'Ana Analyst'],
      [reviewer, 'Rex Reviewer'],
      [client, 'Nina Northwind'],
    ]);
    await trust(analyst, [
      [coordinator, 'Cora Coordinator'],
      [reviewer, 'Rex Reviewer'],
    ]);
    await trust(reviewer, [
      [coordinator, 'Cora Coordinator'],
      [analyst, 'Ana Analyst'],
    ]);
    await trust(client, [
      [analyst, 'Ana Analyst'],
      [reviewer, 'Rex Reviewer'],
    ]);
  });

  const taskPackage = join(scratch, 'task.kpo');
  await test.step('the coordinator writes the task with a dataset and a checklist, and exports it', async () => {
    await coordinator.app.openFromSidebar('Inbox');
    const editor = new TaskEditorPage(page);
    await editor.newTask();
    await editor.fill({
      title: TITLE,
      client: 'Northwind Ltd',
      brief: 'Explain the **regional** gap.',
      questions: ['Which region grew fastest?'],
      due: '2030-03-20T17:00',
      priority: 'High',
      estimateHours: '6',
      analyst: `Ana Analyst (${analyst.keyId})`,
      reviewer: `Rex Reviewer (${reviewer.keyId})`,
    });
    await editor.attachCsv(csvPath);
    await expect(editor.dataset('regional-sales').getByTestId('dataset-status')).toHaveText(
      'Ready · 4 rows · 3 columns',
    );
    await editor.addChecklistItem(1, {
      text: 'Every question answered',
      severity: 'Critical',
      evidenceRequired: false,
    });
    await editor.addChecklistItem(2, {
      text: UNITS,
      severity: 'Minor',
      evidenceRequired: false,
    });
    await editor.save();
    await editor.exportPackage(taskPackage);
    await expect(page.getByTestId('task-state')).toHaveText('Assigned');
  });

  const workspace = new TaskWorkspacePage(analyst.page);
  const qcTime = new TaskQcTimePage(analyst.page);
  const submit = new SubmitPage(analyst.page);
  const v1Package = join(scratch, 'v1.kpo');
  let taskUrl = '';
  await test.step('the analyst imports the task, works it and submits version 1', async () => {
    await importPackage(analyst, taskPackage);
    await expect(analyst.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    taskUrl = analyst.page.url();
    await analyst.page.getByRole('button', { name: 'Start work' }).click();
    await expect(analyst.page.getByTestId('task-state')).toHaveText('In progress');

    const dataset = analyst.page.getByRole('listitem', { name: 'regional-sales' });
    await expect(dataset.getByTestId('dataset-status')).toHaveText('Ready · 4 rows · 3 columns');
    await dataset.getByRole('link', { name: 'regional-sales' }).click();
    const viewer = new DatasetViewPage(analyst.page);
    await viewer.settled();
    await viewer.saveView('All revenue');
    await analyst.page.goto(taskUrl);

    await workspace.openTab('Charts');
    await workspace.createChart({
      view: 'All revenue (regional-sales)',
      type: 'Bar',
      x: 'region',
      y: ['revenue'],
      title: 'Revenue by region',
      xLabel: 'Region',
      yLabel: 'Revenue (EUR)',
      caption: 'Revenue in EUR; the north sold more.',
    });
    await workspace.openTab('Answers');
    await workspace.writeAnswer(1, ANSWER_V1, ['Revenue by region']);

    await qcTime.tab('Time');
    await qcTime.logTime(2, 15, 'Analysis and write-up');
    await expect(analyst.page.getByRole('table', { name: 'Time entries' })).toContainText('2 h 15 min');
    await qcTime.tab('QC checklist');
    await qcTime.item(1, 'Every question answered').getByText('Pass', { exact: true }).click();
    await qcTime.item(2, UNITS).getByText('Pass', { exact: true }).click();
    await expect(analyst.page.getByRole('list', { name: 'What blocks submission' })).toHaveCount(0);

    await analyst.page.getByRole('tab', { name: 'Submit', exact: true }).click();
    await expect(analyst.page.getByText('Version 1 is ready to submit')).toBeVisible();
    await submit.attestation.check();
    const download = analyst.page.waitForEvent('download');
    await submit.signAndExport.click();
    await saveDownload(download, v1Package);
    await expect(analyst.page.getByText('Version 1: submitted')).toBeVisible();
  });

  const review = new ReviewPage(reviewer.page);
  const reviewPackage = join(scratch, 'review.kpo');
  await test.step('the reviewer imports v1, comments on the answer and requests changes', async () => {
    await importPackage(reviewer, v1Package);
    await expect(reviewer.page.getByRole('heading', { name: `${TITLE}: version 1` })).toBeVisible();
    await reviewer.page.getByRole('tab', { name: 'Answers' }).click();
    await addComment(reviewer.page, 'question 1', 'Quantify the growth.');
    await addComment(reviewer.page, UNITS, 'Say the currency on the axis.');
    await review.setVerdict(UNITS, 'Disagree', 'No currency on the y axis.');
    await reviewer.page.getByLabel('Reason for requesting changes').fill('Answer 1 needs a number.');
    const download = reviewer.page.waitForEvent('download');
    await reviewer.page.getByRole('button', { name: 'Request changes' }).click();
    await saveDownload(download, reviewPackage);
    // Decided: what is added now would never reach the analyst, so the review screen is read-only.
    await expect(reviewer.page.getByRole('alert', { name: /Review closed/ })).toBeVisible();
    await expect(reviewer.page.getByRole('button', { name: 'Add comment' })).toHaveCount(0);
  });

  const v2Package = join(scratch, 'v2.kpo');
  await test.step('the analyst sees the reason and the comment where they belong, edits and submits v2', async () => {
    await importPackage(analyst, reviewPackage);
    await expect(analyst.page.getByTestId('task-state')).toHaveText('In progress');
    await expect(analyst.page.getByRole('alert', { name: 'Changes requested' })).toContainText(
      'Answer 1 needs a number.',
    );
    // Every comment is also listed in one place, with what it is about in words.
    const notice = analyst.page.getByRole('alert', { name: 'Changes requested' });
    // Two threads and the verdict that disagrees.
    await notice.getByRole('button', { name: 'Show all review comments (3)' }).click();
    await expect(notice.getByRole('region', { name: 'Review comments' })).toContainText(
      'On the answer to question 1',
    );
    await expect(notice.getByRole('region', { name: 'Review comments' })).toContainText(
      'No currency on the y axis.',
    );
    await workspace.openTab('Answers');
    await expect(workspace.answer(1).getByRole('group', { name: 'Comments on question 1' })).toContainText(
      'Quantify the growth.',
    );
    await qcTime.tab('QC checklist');
    await expect(analyst.page.getByRole('group', { name: `Comments on ${UNITS}` })).toContainText(
      'Say the currency on the axis.',
    );
    // The chart that states the units becomes the item's evidence: a QC change the reviewer sees.
    await qcTime.item(2, UNITS).getByRole('combobox', { name: 'Evidence for item 2' }).click();
    await analyst.page.getByRole('option', { name: 'Revenue by region', exact: true }).click();
    await analyst.page.keyboard.press('Escape');
    await workspace.openTab('Answers');
    // The notice and the threads read well in both themes (the import's toast is closed first).
    await dismissNotifications(analyst.page);
    for (const scheme of ['light', 'dark']) {
      if (scheme === 'dark') await analyst.page.getByTestId('theme-toggle').click();
      expect(await seriousViolations(analyst.page), `${scheme} theme`).toEqual([]);
    }
    await workspace.answer(1).getByRole('textbox', { name: 'Answer to question 1' }).fill(ANSWER_V2);
    await workspace.expectSaved(workspace.answer(1));

    await analyst.page.getByRole('tab', { name: 'Submit', exact: true }).click();
    await expect(analyst.page.getByText('Version 2 is ready to submit')).toBeVisible();
    await submit.attestation.check();
    const download = analyst.page.waitForEvent('download');
    await submit.signAndExport.click();
    await saveDownload(download, v2Package);
    await expect(analyst.page.getByText('Version 2: submitted')).toBeVisible();
  });

  const deliverablePackage = join(scratch, 'deliverable.kpo');
  await test.step('the reviewer imports v2, sees the diff, gives verdicts, resolves and approves', async () => {
    await importPackage(reviewer, v2Package);
    await expect(reviewer.page.getByRole('heading', { name: `${TITLE}: version 2` })).toBeVisible();
    await expect(review.diff.getByLabel('Answer 1')).toContainText(`+ ${ANSWER_V2}`);
    await expect(review.diff.getByLabel('Answer 1')).toContainText(`- ${ANSWER_V1}`);
    await expect(review.diff.getByRole('list', { name: `"${UNITS}" changed` })).toContainText(
      'Evidence: none → Chart "Revenue by region"',
    );
    await reviewer.page.screenshot({ path: 'docs/screenshots/review-diff.png' });
    await review.setVerdict('Every question answered', 'Agree');
    await review.setVerdict(UNITS, 'Agree');
    await reviewer.page.getByRole('tab', { name: 'Answers' }).click();
    for (const where of ['question 1', UNITS]) {
      const thread = reviewer.page.getByRole('group', { name: `Comments on ${where}` });
      await thread.getByRole('button', { name: 'Resolve thread' }).click();
      await expect(thread).toContainText('Resolved');
    }
    await expect(review.approveButton).toBeEnabled();
    const download = reviewer.page.waitForEvent('download');
    await review.approveButton.click();
    await saveDownload(download, deliverablePackage);
  });

  await test.step('the reviewer opens the delivered task: their sent copy, verified, with no decision to make', async () => {
    await reviewer.app.openFromSidebar('Deliveries');
    await new DeliveriesPage(reviewer.page).open(TITLE);
    const sent = new ClientDeliverablePage(reviewer.page);
    // Their own signature counts as trusted; the analyst's key is on their trust list.
    await expect(sent.status).toHaveText('Verified and trusted');
    await expect(sent.signoffs.getByRole('row', { name: /reviewer/ })).toContainText('Valid');
    await expect(sent.parts).toBeVisible();
    await expect(reviewer.page.getByRole('button', { name: 'Accept deliverable' })).toHaveCount(0);
    await expect(reviewer.page.getByLabel('Comments for the provider')).toHaveCount(0);
  });

  await test.step('the deliverable is a valid bag and minisign verifies its signature', () => {
    const delivered = verifyPackage(readFileSync(deliverablePackage), { trustedKeys: [] });
    expect(delivered.info.kind).toBe('deliverable');
    const dir = mkdtempSync(join(tmpdir(), 'kpo-e2e-lifecycle-bag-'));
    expect(spawnSync('/usr/bin/unzip', ['-q', deliverablePackage, '-d', dir]).status).toBe(0);
    const bagDir = join(dir, delivered.info.packageId ?? '');
    expect(validateBag(readTree(bagDir)).findings.filter((f) => f.severity === 'error')).toEqual([]);
    writeFileSync(join(scratch, 'reviewer.pub'), reviewer.publicKey);
    const minisign = spawnSync(
      '/usr/bin/minisign',
      [
        '-V',
        '-m',
        'tagmanifest-sha512.txt',
        '-p',
        join(scratch, 'reviewer.pub'),
        '-x',
        'tagmanifest-sha512.txt.minisig',
      ],
      { cwd: bagDir, encoding: 'utf8' },
    );
    expect(minisign.status, minisign.stderr).toBe(0);
    expect(minisign.stdout).toContain('kind=deliverable');
  });

  const acceptancePackage = join(scratch, 'acceptance.kpo');
  await test.step('the client imports it, sees it verified and trusted, and accepts with a comment', async () => {
    await importPackage(client, deliverablePackage);
    const deliverable = new ClientDeliverablePage(client.page);
    await expect(deliverable.status).toHaveText('Verified and trusted');
    await expect(deliverable.signoffs.getByRole('row', { name: /analyst/ })).toContainText('Trusted');
    await expect(deliverable.signoffs.getByRole('row', { name: /reviewer/ })).toContainText('Trusted');
    await client.page.screenshot({ path: 'docs/screenshots/client-deliverable.png' });
    await deliverable.openPart('Answers');
    const question = client.page.getByRole('region', { name: 'Question 1' });
    await expect(question).toContainText(ANSWER_V2);
    // The answer's evidence is named from the deliverable and opens where it is shown.
    await question.getByRole('button', { name: 'Chart "Revenue by region"' }).click();
    await expect(deliverable.parts.getByRole('tab', { name: /^Charts/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(client.page.getByRole('img', { name: /the north sold more/ })).toBeInViewport();
    // The checklist shows the verdicts on the delivered version; the review history keeps round 1's.
    await deliverable.openPart('QC checklist');
    const units = client.page
      .getByRole('table', { name: 'QC checklist' })
      .getByRole('row', { name: new RegExp(UNITS) });
    await expect(units).toContainText('Evidence: Chart "Revenue by region"');
    await expect(units).toContainText('agree');
    await expect(units).not.toContainText('disagree');
    await deliverable.openPart('Review history');
    await expect(
      client.page.getByRole('region', { name: 'Review history' }).getByRole('region', { name: 'Version 1' }),
    ).toContainText('the reviewer disagrees with the analyst’s result: “No currency on the y axis.”');
    await client.page.getByLabel('Comments for the provider').fill('Clear and well sourced, thank you.');
    const download = client.page.waitForEvent('download');
    await client.page.getByRole('button', { name: 'Accept deliverable' }).click();
    await saveDownload(download, acceptancePackage);
    await expect(client.page.getByText('You accepted this deliverable.')).toBeVisible();
  });

  await test.step('the coordinator imports the acceptance and the task shows Accepted', async () => {
    await importPackage(coordinator, acceptancePackage);
    await expect(page.getByTestId('task-state')).toHaveText('Accepted');
    // Each move in the history is the person's who made it, not the coordinator's who received it.
    await coordinator.app.openFromSidebar('Deliveries');
    const dashboard = page.getByRole('region', { name: 'Deliveries dashboard' });
    await dashboard.getByRole('button', { name: `Show history of ${TITLE}` }).click();
    const history = dashboard.getByRole('list', { name: `Version history of ${TITLE}` });
    await expect(history).toContainText('Submitted (version 1), by Ana Analyst');
    await expect(history).toContainText(
      'Changes requested (version 1): Answer 1 needs a number., by Rex Reviewer',
    );
    await expect(history).toContainText('Accepted: Clear and well sourced, thank you., by Nina Northwind');
  });

  await test.step('the coordinator bills the hours the analyst logged, and reads the decision on the task', async () => {
    // The analyst's 2 h 15 min reached the coordinator with the acceptance, never as local entries.
    const deliveries = new DeliveriesPage(page);
    const row = deliveries.taskRow(TITLE);
    await expect(deliveries.loggedHours(row)).toContainText('2.3');
    await expect(row.getByTestId('hours-source')).toHaveText('from delivered version 2');
    await expect(deliveries.loggedHours(deliveries.clientRow('Northwind Ltd'))).toHaveText('2.3');

    await deliveries.open(TITLE);
    await expect(deliveries.details).toContainText('Accepted');
    await expect(deliveries.details).toContainText('by Rex Reviewer (version 2)');
    await expect(deliveries.decision).toContainText('Accepted by the client');
    await expect(deliveries.decision).toContainText('Clear and well sourced, thank you.');
    await expect(deliveries.decision).toContainText('by Nina Northwind');
    await expect(deliveries.notStoredNote).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Time delivered' }).getByTestId('time-total'),
    ).toContainText('2 h 15 min logged');
    await expect(page.getByRole('list', { name: `Version history of ${TITLE}` })).toContainText(
      'Submitted (version 2), by Ana Analyst',
    );
    await expect(deliveries.decisionForm).toHaveCount(0);
    await dismissNotifications(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const person of [analyst, reviewer, client]) {
    expect(person.errors, 'console errors in another person’s app').toEqual([]);
    await person.page.context().close();
  }
});

function readTree(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}
