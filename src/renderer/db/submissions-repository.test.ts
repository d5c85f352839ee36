import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import type { SubmissionRecord, TaskRecord } from './records';
import { createSubmissionsRepository } from './submissions-repository';
import { appendTaskEvent } from './task-events';

const TASK_ID = 'task-1';
const AT = '2026-11-25T10:00:00.000Z';
let db: KpoDatabase;
let counter = 0;

const task: TaskRecord = {
  id: TASK_ID,
  origin: 'received',
  state: 'in_progress',
  title: 'T',
  client: 'C',
  brief: '',
  questions: [{ number: 1, text: 'Q?' }],
  due: '2026-12-01T00:00:00Z',
  priority: 'normal',
  estimateHours: 1,
  datasets: [],
  checklistName: '',
  checklist: [],
  version: 0,
  createdAt: AT,
  updatedAt: AT,
};

const submission = (version: number): SubmissionRecord => ({
  taskId: TASK_ID,
  version,
  contentDigest: String(version).repeat(128),
  files: { 'deliverable/report.md': new TextEncoder().encode(`v${version}`) },
  submittedAt: AT,
  submittedBy: { name: 'Ada', keyId: 'ABCDEF0123456789' },
  packageId: `pkg-${version}`,
});

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`submissions-repository-test-${counter}`);
  await db.profile.add({
    id: 'me',
    displayName: 'Ada',
    organisation: 'Acme',
    email: '',
    roles: ['analyst'],
    keyId: 'ABCDEF0123456789',
    createdAt: AT,
  });
  await db.tasks.add(task);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('submissions repository', () => {
  it('loads only the saved views a finding or an answer cites, and only this task’s work', async () => {
    const view = (id: string) => ({ id, datasetId: 'd', name: id, spec: {}, createdAt: AT, updatedAt: AT });
    await db.savedViews.bulkAdd([view('cited-by-answer'), view('cited-by-finding'), view('not-cited')]);
    await db.answers.add({
      taskId: TASK_ID,
      questionNumber: 1,
      text: 'a',
      evidence: [{ kind: 'view', id: 'cited-by-answer' }],
      updatedAt: AT,
    });
    await db.findings.bulkAdd([
      {
        id: 'f1',
        taskId: TASK_ID,
        title: 'F',
        markdown: 'See [t](kpo:view/cited-by-finding).',
        createdAt: AT,
        updatedAt: AT,
      },
      {
        id: 'f2',
        taskId: 'other-task',
        title: 'G',
        markdown: '[t](kpo:view/not-cited)',
        createdAt: AT,
        updatedAt: AT,
      },
    ]);
    const inputs = await createSubmissionsRepository(db).loadInputs(TASK_ID);
    expect(inputs.views.map((v) => v.id).sort()).toEqual(['cited-by-answer', 'cited-by-finding']);
    expect(inputs.findings.map((f) => f.id)).toEqual(['f1']);
    expect(inputs.profile?.keyId).toBe('ABCDEF0123456789');
  });

  it('says which task is missing', async () => {
    await expect(createSubmissionsRepository(db).loadInputs('nope')).rejects.toThrow(/no longer exists/);
  });

  it('lists versions newest first without their files', async () => {
    await db.submissions.bulkAdd([submission(1), submission(3), submission(2)]);
    const listed = await createSubmissionsRepository(db).listForTask(TASK_ID);
    expect(listed.map((s) => s.version)).toEqual([3, 2, 1]);
    expect(listed[0]).not.toHaveProperty('files');
    expect((await createSubmissionsRepository(db).get(TASK_ID, 2))?.files['deliverable/report.md']).toEqual(
      new TextEncoder().encode('v2'),
    );
  });

  it('refuses a version that does not follow the task’s last one, changing nothing', async () => {
    const submissions = createSubmissionsRepository(db);
    const { event } = await submissions.prepareFrozenEvent(
      TASK_ID,
      { version: 2, contentDigest: 'x' },
      new Date(AT),
    );
    await expect(submissions.commit(event, submission(2))).rejects.toThrow(
      /Version 2 cannot follow version 0/,
    );
    expect(await db.taskEvents.count()).toBe(0);
    expect(await db.submissions.count()).toBe(0);
  });

  it('refuses to submit a task that is not in progress, changing nothing', async () => {
    await db.tasks.update(TASK_ID, { state: 'submitted' });
    const submissions = createSubmissionsRepository(db);
    const { event } = await submissions.prepareFrozenEvent(
      TASK_ID,
      { version: 1, contentDigest: 'x' },
      new Date(AT),
    );
    await expect(submissions.commit(event, submission(1))).rejects.toThrow(
      /cannot become submitted|submitted/,
    );
    expect(await db.taskEvents.count()).toBe(0);
    expect(await db.submissions.count()).toBe(0);
  });

  it('tells when the work was handed in: the latest version, or the logged delivery', async () => {
    const repo = createSubmissionsRepository(db);
    expect(await repo.handedIn(TASK_ID, 'submitted')).toBeUndefined();
    await db.submissions.bulkAdd([
      { ...submission(1), submittedAt: '2026-11-20T09:00:00.000Z' },
      { ...submission(2), submittedAt: '2026-11-28T09:00:00.000Z' },
    ]);
    expect(await repo.handedIn(TASK_ID, 'submitted')).toEqual({
      kind: 'submitted',
      at: '2026-11-28T09:00:00.000Z',
    });
    // No delivery logged (yet): the submission is what is known.
    expect(await repo.handedIn(TASK_ID, 'delivered')).toEqual({
      kind: 'submitted',
      at: '2026-11-28T09:00:00.000Z',
    });
    await db.transaction('rw', [db.taskEvents, db.profile], async () => {
      await appendTaskEvent(
        db,
        TASK_ID,
        'task.state-changed',
        { from: 'approved', to: 'delivered' },
        { at: new Date('2026-11-30T08:00:00.000Z') },
      );
      await appendTaskEvent(
        db,
        TASK_ID,
        'task.state-changed',
        { from: 'delivered', to: 'accepted' },
        { at: new Date('2026-12-03T08:00:00.000Z') },
      );
    });
    expect(await repo.handedIn(TASK_ID, 'delivered')).toEqual({
      kind: 'delivered',
      at: '2026-11-30T08:00:00.000Z',
    });
  });
});
