import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDeliverable } from '@core/deliverable';
import { TINY_PNG } from '@core/deliverable/fixtures.test-support';
import { parsePublicKey } from '@core/minisign';
import { buildPackage, computeContentDigest, verifyPackage, verifySignoff } from '@core/package';
import { makeKey } from '@core/package/fixtures.test-support';
import type { TestKey } from '@core/package/fixtures.test-support';
import { KpoDatabase } from '../../db/database';
import type { TaskRecord } from '../../db/records';
import { createQcRepository } from '../../db/qc-repository';
import { createSubmissionsRepository } from '../../db/submissions-repository';
import { readTaskAuditLog } from '../../db/task-events';
import { createTasksRepository } from '../../db/tasks-repository';
import { createFindingsRepository } from '../../db/findings-repository';
import type { SaveTarget } from '../../platform/platform';
import type { SignedPackageRequest } from '../packages/export-signed-package';
import type { PrepareDeps } from './freeze-submission';
import { freezeSubmission, prepareDeliverable } from './freeze-submission';
import type { SubmitDeps } from './submit-deliverable';
import { submitDeliverable } from './submit-deliverable';

const TASK_ID = 'task-7';
const PDF = new TextEncoder().encode('%PDF-1.7 report');
let db: KpoDatabase;
let counter = 0;
let analyst: TestKey;
let coordinator: TestKey;

function task(overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id: TASK_ID,
    origin: 'received',
    state: 'in_progress',
    title: 'Regional sales drivers',
    client: 'Northwind',
    brief: 'Explain Q4.',
    questions: [
      { number: 1, text: 'Which region grew fastest?' },
      { number: 2, text: 'Why did the south drop?' },
    ],
    due: '2026-12-01T17:00:00Z',
    priority: 'normal',
    estimateHours: 4,
    coordinator: { name: 'Cora', keyId: coordinator.keyId, email: '' },
    analyst: { name: 'Ada', keyId: analyst.keyId },
    // Named in task.json but not carried: a submission does not repeat the inputs.
    datasets: [
      { path: 'datasets/sales.csv', name: 'Sales', sha256: 'a'.repeat(64), bytes: 1200, datasetId: 'ds-1' },
    ],
    checklistName: 'Research',
    checklist: [
      { id: 'answered', text: 'Every question answered', severity: 'critical', evidenceRequired: false },
      { id: 'spelling', text: 'Spelling consistent', severity: 'minor', evidenceRequired: false },
    ],
    version: 0,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

async function seed(): Promise<void> {
  const at = '2026-11-24T10:00:00.000Z';
  await db.profile.add({
    id: 'me',
    displayName: 'Ada',
    organisation: 'Insight BPO',
    email: 'ada@insight.example',
    roles: ['analyst'],
    keyId: analyst.keyId,
    createdAt: at,
  });
  await db.tasks.add(task());
  await db.transaction('rw', db.taskEvents, db.profile, async () => {
    const tasks = createTasksRepository(db);
    await tasks.recordEvent(TASK_ID, 'task.imported', {});
  });
  await db.savedViews.add({
    id: 'view-1',
    datasetId: 'ds-1',
    name: 'Growth by region',
    spec: {},
    createdAt: at,
    updatedAt: at,
  });
  await db.charts.add({
    id: 'chart-1',
    taskId: TASK_ID,
    viewId: 'view-1',
    spec: { title: 'Growth by region', caption: 'Q4 over Q3', sourceNote: 'Sales CSV' },
    createdAt: at,
    updatedAt: at,
  });
  await db.sources.add({
    id: 'src-1',
    taskId: TASK_ID,
    title: 'Retail survey',
    author: 'Stats Office',
    url: 'https://example.org/survey',
    accessed: '2026-11-01',
    notes: '',
    attachmentPath: 'sources/src-1/survey.pdf',
    createdAt: at,
    updatedAt: at,
  });
  await db.taskFiles.add({
    taskId: TASK_ID,
    path: 'sources/src-1/survey.pdf',
    mediaType: 'application/pdf',
    bytes: new TextEncoder().encode('%PDF-1.4 survey'),
  });
  await db.findings.add({
    id: 'finding-1',
    taskId: TASK_ID,
    title: 'North leads',
    markdown:
      'North grew fastest.\n\n[Growth](kpo:chart/chart-1)\n\n[Table](kpo:view/view-1)\n\nPer [survey](kpo:source/src-1).',
    createdAt: at,
    updatedAt: at,
  });
  await db.answers.bulkAdd([
    {
      taskId: TASK_ID,
      questionNumber: 1,
      text: 'The north.',
      evidence: [{ kind: 'chart', id: 'chart-1' }],
      updatedAt: at,
    },
    {
      taskId: TASK_ID,
      questionNumber: 2,
      text: 'Fewer orders.',
      evidence: [{ kind: 'source', id: 'src-1' }],
      updatedAt: at,
    },
  ]);
  await db.qcResults.bulkAdd([
    {
      taskId: TASK_ID,
      itemId: 'answered',
      result: 'pass',
      comment: '',
      evidence: [],
      justification: '',
      checkedBy: analyst.keyId,
      checkedAt: at,
    },
    {
      taskId: TASK_ID,
      itemId: 'spelling',
      result: 'fail',
      comment: 'one typo left',
      evidence: [],
      justification: '',
    },
  ]);
  await db.timeEntries.add({
    id: 'time-1',
    taskId: TASK_ID,
    person: analyst.keyId,
    date: '2026-11-24',
    minutes: 95,
    note: 'analysis',
    origin: 'manual',
    createdAt: at,
  });
}

function deps(): PrepareDeps {
  return {
    submissions: createSubmissionsRepository(db),
    renderChartPng: async () => Promise.resolve(TINY_PNG),
    exportViewCsv: async (view) => Promise.resolve(`region,growth\r\nnorth,0.12\r\n# ${view.name}\r\n`),
    qcOverview: async (taskId) => createQcRepository(db).overview(taskId),
    renderPdf: async () => Promise.resolve(PDF),
    now: () => new Date('2026-11-25T12:00:00.000Z'),
  };
}

async function freeze() {
  const submissions = createSubmissionsRepository(db);
  const prepared = await prepareDeliverable(TASK_ID, deps(), { withPdf: true });
  const frozen = await freezeSubmission(prepared, { submissions, signer: analyst.signer });
  return { prepared, frozen, submissions };
}

beforeEach(async () => {
  counter += 1;
  analyst = makeKey('Ada');
  coordinator = makeKey('Cora');
  db = new KpoDatabase(`freeze-submission-test-${counter}`);
  await seed();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('freezing a submission', () => {
  it('assembles version 1 from the stored work, digests it and signs the attestation over that digest', async () => {
    const { prepared, frozen } = await freeze();
    expect(prepared.version).toBe(1);
    expect(prepared.gate).toEqual({ allowed: true, reasons: [] });
    expect([...frozen.files.keys()].sort()).toEqual([
      'audit/events.jsonl',
      'deliverable/answers.json',
      'deliverable/charts/chart-1.json',
      'deliverable/charts/chart-1.png',
      'deliverable/findings/01-north-leads.md',
      'deliverable/manifest.json',
      'deliverable/report.html',
      'deliverable/report.md',
      'deliverable/report.pdf',
      'deliverable/sources.json',
      'deliverable/sources/src-1/survey.pdf',
      'deliverable/tables/view-1.csv',
      'qc/checklist.json',
      'signoffs.json',
      'task.json',
      'time/entries.json',
    ]);
    const bagKeyed = new Map([...frozen.files].map(([path, bytes]) => [`data/${path}`, bytes]));
    expect(frozen.contentDigest).toBe(computeContentDigest(bagKeyed));
    expect(frozen.signoff).toMatchObject({ role: 'analyst', signer: { name: 'Ada', keyId: analyst.keyId } });
    expect(frozen.signoff.statement).toContain('I, Ada, attest that this deliverable version 1');
    const publicKey = parsePublicKey(analyst.trusted.publicKey);
    if (!publicKey.ok) throw new Error('test key does not parse');
    expect(verifySignoff(frozen.signoff, publicKey.key)).toEqual({ ok: true });
    expect(verifySignoff({ ...frozen.signoff, contentDigest: 'f'.repeat(128) }, publicKey.key).ok).toBe(
      false,
    );

    const read = readDeliverable(frozen.files);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deliverable.answers.map((a) => a.evidence)).toEqual([
      [{ kind: 'chart', id: 'chart-1', title: 'Growth by region' }],
      [{ kind: 'source', id: 'src-1', title: 'Retail survey' }],
    ]);
    expect(read.deliverable.checklist?.items.map((i) => i.result)).toEqual(['pass', 'fail']);
    expect(read.deliverable.timeEntries?.entries).toEqual([
      {
        id: 'time-1',
        person: analyst.keyId,
        date: '2026-11-24',
        minutes: 95,
        activity: 'manual entry',
        note: 'analysis',
      },
    ]);
    expect(read.deliverable.reportHtml).toContain('data:image/png;base64,');
    expect(read.deliverable.signoffs?.signoffs).toEqual([frozen.signoff]);
    const lastEvent = read.deliverable.auditEvents?.at(-1);
    expect(lastEvent).toMatchObject({
      type: 'submission.frozen',
      data: { version: 1, contentDigest: frozen.contentDigest },
    });
    // The signed manifest pins the log up to the event before submission.frozen, and the frozen
    // documents outside deliverable/ by their sha512.
    const events = read.deliverable.auditEvents ?? [];
    expect(read.deliverable.manifest.auditHead).toEqual({
      events: events.length - 1,
      hash: events.at(-2)?.hash,
    });
    expect(read.deliverable.manifest.auditHead?.events).toBeGreaterThan(0);
    expect(read.deliverable.manifest.records.map((r) => r.path)).toEqual([
      'task.json',
      'qc/checklist.json',
      'time/entries.json',
    ]);
  });

  it('changes nothing stored until the package is saved (a cancelled save leaves the task as it was)', async () => {
    const before = await readTaskAuditLog(db, TASK_ID);
    await freeze();
    expect(await db.submissions.count()).toBe(0);
    expect(await db.tasks.get(TASK_ID)).toMatchObject({ state: 'in_progress', version: 0 });
    expect((await readTaskAuditLog(db, TASK_ID)).events).toEqual(before.events);
  });

  it('on commit stores the packaged event exactly, the files, and moves the task to submitted', async () => {
    const { frozen, submissions } = await freeze();
    await submissions.commit(frozen.frozenEvent, {
      taskId: TASK_ID,
      version: 1,
      contentDigest: frozen.contentDigest,
      files: Object.fromEntries(frozen.files),
      submittedAt: '2026-11-25T12:00:00.000Z',
      submittedBy: { name: 'Ada', keyId: analyst.keyId },
      packageId: 'pkg-1',
    });
    expect(await db.tasks.get(TASK_ID)).toMatchObject({ state: 'submitted', version: 1 });
    const log = await readTaskAuditLog(db, TASK_ID);
    expect(log.problems).toEqual([]);
    const packagedLog = new TextDecoder().decode(frozen.files.get('audit/events.jsonl'));
    const packagedEvents = packagedLog
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(log.events.slice(0, packagedEvents.length)).toEqual(packagedEvents);
    expect(log.events.at(-1)).toMatchObject({
      type: 'task.state-changed',
      data: {
        from: 'in_progress',
        to: 'submitted',
        version: 1,
        contentDigest: frozen.contentDigest,
        packageId: 'pkg-1',
      },
    });
    const stored = await submissions.get(TASK_ID, 1);
    expect(stored?.files['deliverable/report.pdf']).toEqual(PDF);
    expect(await submissions.listForTask(TASK_ID)).toEqual([
      expect.objectContaining({ version: 1, contentDigest: frozen.contentDigest, packageId: 'pkg-1' }),
    ]);
  });

  it('refuses to commit when the audit log moved on after the package was built, changing nothing', async () => {
    const { frozen, submissions } = await freeze();
    await createTasksRepository(db).recordEvent(TASK_ID, 'finding.edited', {});
    await expect(
      submissions.commit(frozen.frozenEvent, {
        taskId: TASK_ID,
        version: 1,
        contentDigest: frozen.contentDigest,
        files: Object.fromEntries(frozen.files),
        submittedAt: '2026-11-25T12:00:00.000Z',
        submittedBy: { name: 'Ada', keyId: analyst.keyId },
        packageId: 'pkg-1',
      }),
    ).rejects.toThrow(/work changed while the submission was being exported/);
    expect(await db.submissions.count()).toBe(0);
    expect((await db.tasks.get(TASK_ID))?.state).toBe('in_progress');
  });

  it('refuses to freeze while a critical QC item is open, naming it', async () => {
    await db.qcResults.update([TASK_ID, 'answered'], { result: 'open' });
    const prepared = await prepareDeliverable(TASK_ID, deps(), { withPdf: false });
    expect(prepared.gate.reasons).toEqual([
      "Item 1 ('Every question answered') has no result: every item needs a result",
    ]);
    await expect(
      freezeSubmission(prepared, { submissions: createSubmissionsRepository(db), signer: analyst.signer }),
    ).rejects.toThrow(/Every question answered/);
  });

  it('names the chart that could not be rendered', async () => {
    await expect(
      prepareDeliverable(
        TASK_ID,
        { ...deps(), renderChartPng: async () => Promise.reject(new Error('no data')) },
        { withPdf: false },
      ),
    ).rejects.toThrow('Chart “Growth by region” could not be rendered: no data');
  });
});

describe('the submission package', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'kpo-submission-'));
  });
  afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('verifies with core verifyPackage (trusted, sign-off intact) and with the real minisign -V', async () => {
    const { prepared, frozen } = await freeze();
    const packageId = '0b5c1b8e-2f4a-4c6d-9e8f-1a2b3c4d5e6f';
    const kpo = await buildPackage({
      kind: 'submission',
      taskId: TASK_ID,
      packageId,
      files: frozen.files,
      people: prepared.people,
      sourceOrganization: 'Insight BPO',
      contactName: 'Ada',
      signer: analyst.signer,
    });
    const result = verifyPackage(kpo, { trustedKeys: [analyst.trusted] });
    expect(result.findings).toEqual([]);
    expect(result.status).toBe('trusted');
    expect(result.info.kind).toBe('submission');
    const fromPackage = readDeliverable(result.files ?? new Map());
    expect(fromPackage.ok && fromPackage.deliverable.contentDigest).toBe(frozen.contentDigest);

    const kpoPath = join(scratch, 'submission.kpo');
    writeFileSync(kpoPath, kpo);
    const unzip = spawnSync('/usr/bin/unzip', ['-q', kpoPath, '-d', scratch], { encoding: 'utf8' });
    expect(unzip.status, unzip.stderr).toBe(0);
    const minisign = spawnSync(
      '/usr/bin/minisign',
      ['-V', '-m', 'tagmanifest-sha512.txt', '-p', 'signer.pub', '-x', 'tagmanifest-sha512.txt.minisig'],
      { cwd: join(scratch, packageId), encoding: 'utf8' },
    );
    expect(minisign.error).toBeUndefined();
    expect(minisign.status, minisign.stderr).toBe(0);
    expect(minisign.stdout).toContain(`kind=submission`);
  });
});

describe('submitting the previewed version', () => {
  const PACKAGE_ID = '0b5c1b8e-2f4a-4c6d-9e8f-1a2b3c4d5e6f';

  /** A save dialog that records what is written, and can let something happen while it is open. */
  function saveDialog(options: { whileOpen?: () => Promise<void>; cancel?: boolean; fail?: boolean } = {}) {
    const written: Uint8Array[] = [];
    let opened = 0;
    const choose = async (): Promise<SaveTarget | null> => {
      opened += 1;
      await options.whileOpen?.();
      if (options.cancel) return null;
      return {
        fileName: 'chosen.submission.kpo',
        write: async (data) => {
          if (options.fail) throw new Error('disk full');
          written.push(data);
          return Promise.resolve();
        },
      };
    };
    return { written, choose, opened: () => opened };
  }

  function submitDeps(chooseSaveTarget: SubmitDeps['chooseSaveTarget']): SubmitDeps {
    return {
      submissions: createSubmissionsRepository(db),
      signer: analyst.signer,
      signPackage: async ({ fileStem, kind: _kind, ...input }: SignedPackageRequest) => ({
        packageId: PACKAGE_ID,
        fileName: `${fileStem}.submission.kpo`,
        bytes: await buildPackage({
          ...input,
          kind: 'submission',
          packageId: PACKAGE_ID,
          sourceOrganization: 'Insight BPO',
          contactName: 'Ada',
          signer: analyst.signer,
        }),
      }),
      chooseSaveTarget,
    };
  }

  const preview = async () => prepareDeliverable(TASK_ID, deps(), { withPdf: true });
  const lateAutosave = async () => {
    await createFindingsRepository(db).save('finding-1', { title: 'North leads', markdown: 'Edited late.' });
  };
  const nothingRecorded = async () => {
    expect(await db.submissions.count()).toBe(0);
    expect(await db.sentPackages.count()).toBe(0);
    expect(await db.tasks.get(TASK_ID)).toMatchObject({ state: 'in_progress', version: 0 });
  };

  it('saves exactly the version previewed, digest included, and records it with its package', async () => {
    const prepared = await preview();
    const dialog = saveDialog();
    const outcome = await submitDeliverable(prepared, submitDeps(dialog.choose));
    expect(outcome).toEqual({
      status: 'saved',
      version: 1,
      contentDigest: prepared.contentDigest,
      fileName: 'chosen.submission.kpo',
    });
    const [saved] = dialog.written;
    if (!saved) throw new Error('nothing was written');
    const verified = verifyPackage(saved, { trustedKeys: [analyst.trusted] });
    expect(verified.status).toBe('trusted');
    const read = readDeliverable(verified.files ?? new Map());
    expect(read.ok && read.deliverable.contentDigest).toBe(prepared.contentDigest);
    expect(read.ok && read.deliverable.signoffs?.signoffs[0]?.date).toBe(prepared.frozenAt);
    expect(await db.tasks.get(TASK_ID)).toMatchObject({ state: 'submitted', version: 1 });
    expect((await db.sentPackages.get(PACKAGE_ID))?.bytes).toEqual(saved);
  });

  it('refuses, before asking where to save, when the work changed after the preview', async () => {
    const prepared = await preview();
    await lateAutosave();
    const dialog = saveDialog();
    await expect(submitDeliverable(prepared, submitDeps(dialog.choose))).rejects.toThrow(
      /changed after this version was previewed/,
    );
    expect(dialog.opened()).toBe(0);
    await nothingRecorded();
  });

  it('writes no file when an autosave lands while the save dialog is open, and keeps the edit', async () => {
    const prepared = await preview();
    const dialog = saveDialog({ whileOpen: lateAutosave });
    await expect(submitDeliverable(prepared, submitDeps(dialog.choose))).rejects.toThrow(
      /Nothing was saved or recorded/,
    );
    expect(dialog.written).toEqual([]);
    await nothingRecorded();
    expect((await db.findings.get('finding-1'))?.markdown).toBe('Edited late.');
  });

  it('changes nothing when the save is cancelled', async () => {
    const before = await readTaskAuditLog(db, TASK_ID);
    const prepared = await preview();
    const outcome = await submitDeliverable(prepared, submitDeps(saveDialog({ cancel: true }).choose));
    expect(outcome).toEqual({ status: 'cancelled' });
    await nothingRecorded();
    expect((await readTaskAuditLog(db, TASK_ID)).events).toEqual(before.events);
  });

  it('keeps the version recorded, with its package to save again, when writing the file fails', async () => {
    const prepared = await preview();
    const outcome = await submitDeliverable(prepared, submitDeps(saveDialog({ fail: true }).choose));
    expect(outcome).toMatchObject({ status: 'recorded', version: 1, writeError: 'disk full' });
    expect(await db.tasks.get(TASK_ID)).toMatchObject({ state: 'submitted', version: 1 });
    expect(await db.sentPackages.get(PACKAGE_ID)).toBeDefined();
  });

  it('is not offered while the timer runs, since stopping it changes the version', async () => {
    await db.tasks.update(TASK_ID, { timerStartedAt: '2026-11-25T11:00:00.000Z' });
    const prepared = await preview();
    expect(prepared.gate.reasons).toEqual([
      'Your timer is still running: stop it on the Time tab so this version includes that time.',
    ]);
    await expect(submitDeliverable(prepared, submitDeps(saveDialog().choose))).rejects.toThrow(
      /timer is still running/,
    );
  });
});
