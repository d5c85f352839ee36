import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { validateBag } from '../src/core/bagit';
import { encodePublicKey } from '../src/core/minisign';
import { verifyPackage } from '../src/core/package';
import { sampleContent, TINY_PNG } from '../src/core/deliverable/fixtures.test-support';
import { makeKey } from '../src/core/package/fixtures.test-support';
import { verifyDeliverable } from '../src/core/review';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox-page';
import { ReviewPage } from './pages/review-page';
import type { SubmissionKeys } from './support/submission-packages';
import { writeSubmissionPackage } from './support/submission-packages';

const REVIEWER = {
  name: 'Rex Reviewer',
  organisation: 'Northwind Research',
  email: 'rex@northwind.example',
  roles: ['Reviewer'],
};

let keys: SubmissionKeys;
/** The reviewer task.json names: the profile onboarded in this browser, as it would be in real use. */
let reviewer: { name: string; keyId: string };

test.beforeEach(async ({ app }) => {
  keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada Analyst'), reviewer: makeKey('Rex') };
  await app.goto();
  await app.completeOnboarding(REVIEWER);
  reviewer = { name: REVIEWER.name, keyId: (await app.ownPublicKey()).keyId };
  await app.openFromSidebar('Settings');
  await app.addTrustedKey(encodePublicKey(keys.analyst.secret), 'Ada Analyst');
  await app.openFromSidebar('Inbox');
});

test('changes requested on v1, v2 shows what changed, and approval is gated then exports a verifiable deliverable', async ({
  page,
}) => {
  const inbox = new InboxPage(page);
  const review = new ReviewPage(page);
  const v1 = await writeSubmissionPackage(keys, '# Findings\n\nThe north grew.\n', 'v1.kpo', 1, reviewer);
  await inbox.chooseFile(v1);
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Regional sales drivers: version 1' })).toBeVisible();
  // An item nobody has judged looks unjudged: neither verdict is preselected.
  await expect(
    review.qcItem('Sources cited').getByRole('radio', { name: 'Agree', exact: true }),
  ).not.toBeChecked();
  await expect(review.qcItem('Sources cited').getByTestId('verdict-status')).toHaveText(/No verdict yet/);
  await review.comment('report section "Findings"', 'Name the source.');

  await page.getByLabel('Reason for requesting changes').fill('Quantify the growth.');
  const reviewDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Request changes' }).click();
  const reviewPackage = verifyPackage(readFileSync(await (await reviewDownload).path()), { trustedKeys: [] });
  expect(reviewPackage.info.kind).toBe('review');
  expect(new TextDecoder().decode(reviewPackage.files?.get('data/review/decision.json'))).toContain(
    'Quantify the growth.',
  );

  await page.getByRole('link', { name: 'Inbox' }).first().click();
  // v2 renames the section, so the v1 thread on "Findings" is about something no longer there; it
  // also adds a chart and fails a QC item v1 passed, which the diff must name.
  const sample = sampleContent(keys);
  const v2 = await writeSubmissionPackage(
    keys,
    '# Results\n\nThe north grew by 12%.\n',
    'v2.kpo',
    2,
    reviewer,
    {
      charts: [
        ...sample.charts,
        {
          id: 'orders-share',
          title: 'Orders by region',
          caption: 'Share of Q4 orders.',
          sourceNote: 'Q4 sales dataset',
          spec: { type: 'pie', viewId: 'v1' },
          png: TINY_PNG,
        },
      ],
      checklist: {
        items: sample.checklist.items.map((item) =>
          item.id === 'sources'
            ? { ...item, result: 'fail' as const, comment: 'One survey link is dead' }
            : item,
        ),
      },
    },
  );
  await inbox.chooseFile(v2);
  await inbox.dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Regional sales drivers: version 2' })).toBeVisible();
  await expect(review.diff.getByLabel('Report')).toContainText('- The north grew.');
  await expect(review.diff.getByLabel('Report')).toContainText('+ The north grew by 12%.');
  const artifacts = review.diff.getByRole('list', { name: 'Changed charts and tables' });
  await expect(artifacts).toContainText('Chart "Orders by region" added');
  await expect(artifacts).toContainText('charts/orders-share.png');
  await expect(artifacts).not.toContainText('Chart orders-share');
  const qcChanges = review.diff.getByRole('list', { name: '"Sources cited" changed' });
  await expect(qcChanges).toContainText('Result: pass → fail');
  await expect(qcChanges).toContainText('Comment added: "One survey link is dead"');

  await expect(review.approveButton).toBeDisabled();
  await expect(review.blockedReasons).toContainText(
    'QC item "Every question answered" has no reviewer verdict',
  );
  await expect(review.blockedReasons).toContainText(
    'the comment on report section "Findings" is not resolved (it is about something no longer in this version',
  );
  await review.setVerdict('Every question answered', 'Agree');
  await review.setVerdict('Sources cited', 'Disagree', 'One link is dead');
  await review.comment('report section "Results"', 'Name the source of the 12%.');
  await expect(review.blockedReasons).toContainText(
    'the comment on report section "Results" is not resolved',
  );
  await page
    .getByRole('group', { name: 'Comments on report section "Results"' })
    .getByRole('button', { name: 'Resolve thread' })
    .click();
  await expect(review.approveButton).toBeDisabled();
  await review.elsewhere.getByRole('button', { name: 'Resolve thread' }).click();
  await expect(review.elsewhere).toContainText('All resolved.');
  await expect(review.approveButton).toBeEnabled();

  const deliverableDownload = page.waitForEvent('download');
  await review.approveButton.click();
  const deliverablePath = await (await deliverableDownload).path();
  const delivered = verifyPackage(readFileSync(deliverablePath), {
    trustedKeys: [keys.analyst.trusted],
  });
  expect(delivered.info.kind).toBe('deliverable');
  const check = verifyDeliverable(delivered, [keys.analyst.trusted]);
  expect(check.reasons).toEqual([]);
  expect(check.signoffs.map((s) => [s.role, s.signature, s.coversThisContent])).toEqual([
    ['analyst', 'valid', true],
    ['reviewer', 'valid', true],
  ]);

  // Unzipped, it is a valid bag under our own validator, and standard minisign verifies its signature.
  const dir = mkdtempSync(join(tmpdir(), 'kpo-e2e-delivered-'));
  expect(spawnSync('/usr/bin/unzip', ['-q', deliverablePath, '-d', dir]).status).toBe(0);
  const bagDir = join(dir, delivered.info.packageId ?? '');
  expect(validateBag(readTree(bagDir)).findings.filter((f) => f.severity === 'error')).toEqual([]);
  const minisign = spawnSync(
    '/usr/bin/minisign',
    ['-V', '-m', 'tagmanifest-sha512.txt', '-p', 'signer.pub', '-x', 'tagmanifest-sha512.txt.minisig'],
    { cwd: bagDir, encoding: 'utf8' },
  );
  expect(minisign.status, minisign.stderr).toBe(0);
  expect(minisign.stdout).toContain('kind=deliverable');
});

test('an older version imported after changes were requested on a newer one is refused and leaves no trace', async ({
  app,
  page,
}) => {
  const inbox = new InboxPage(page);
  const importButton = inbox.dialog.getByRole('button', { name: 'Import', exact: true });
  // Both versions reached the reviewer; version 2 is imported first and sent back.
  const v1 = await writeSubmissionPackage(keys, '# Findings\n\nThe north grew.\n', 'v1.kpo', 1, reviewer);
  const v2 = await writeSubmissionPackage(
    keys,
    '# Results\n\nThe north grew by 12%.\n',
    'v2.kpo',
    2,
    reviewer,
  );
  await inbox.chooseFile(v2);
  await importButton.click();
  await expect(page.getByRole('heading', { name: 'Regional sales drivers: version 2' })).toBeVisible();
  await page.getByLabel('Reason for requesting changes').fill('Quantify the growth.');
  const reviewDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Request changes' }).click();
  await reviewDownload;

  await app.openFromSidebar('Inbox');
  await inbox.chooseFile(v1);
  await importButton.click();
  await expect(inbox.dialog.getByRole('alert', { name: 'Not imported' })).toContainText(
    'This is version 1 of "Regional sales drivers"; version 2 is already here and changes were requested on it, so this older version was not imported.',
  );
  await inbox.dialog.getByRole('button', { name: 'Cancel' }).click();
  // Only version 2 is recorded (a header row and its row), so v1 is not "already imported" later.
  await expect(inbox.importedPackages.getByRole('row')).toHaveCount(2);
  await expect(inbox.importedPackages).toContainText('v2.kpo');

  // The very same package again is the duplicate it always was.
  await inbox.chooseFile(v2);
  await importButton.click();
  await expect(inbox.dialog.getByText(/already imported/)).toBeVisible();
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
