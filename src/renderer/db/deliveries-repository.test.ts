import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KpoDatabase } from './database';
import { createDeliveriesRepository } from './deliveries-repository';
import type { ReceivedPackageRecord, SubmissionRecord, TaskRecord } from './records';
import { appendTaskEvent } from './task-events';
import { closeTestDatabase, openTestDatabase } from './test-db.test-support';

const AT = '2026-11-25T10:00:00.000Z';
let db: KpoDatabase;

const task: TaskRecord = {
  id: 'task-1',
  origin: 'received',
  state: 'delivered',
  title: 'Regional sales',
  client: 'Northwind',
  brief: '',
  questions: [{ number: 1, text: 'Q?' }],
  due: '2026-12-01T00:00:00Z',
  priority: 'normal',
  estimateHours: 1,
  datasets: [],
  checklistName: '',
  checklist: [],
  version: 2,
  createdAt: AT,
  updatedAt: AT,
};

const submission = (version: number, packageId: string): SubmissionRecord => ({
  taskId: task.id,
  version,
  contentDigest: String(version).repeat(128),
  files: {},
  submittedAt: AT,
  submittedBy: { name: 'Ada', keyId: '1111111111111111' },
  packageId,
});

const receivedPackage = (packageId: string, kind: string): ReceivedPackageRecord => ({
  packageId,
  kind,
  taskId: task.id,
  fileName: `${kind}.kpo`,
  sizeBytes: 1,
  verification: 'trusted',
  signerKeyId: '2222222222222222',
  baggingDate: null,
  importedAt: AT,
  bytes: new Uint8Array([1]),
});

const sentPackage = (packageId: string, kind: string, createdAt: string) => ({
  packageId,
  taskId: task.id,
  kind,
  fileName: `${packageId}.kpo`,
  sizeBytes: 1,
  createdAt,
  bytes: new Uint8Array([1]),
});

beforeEach(async () => {
  db = await openTestDatabase('deliveries-repository-test');
  await db.tasks.add(task);
});

afterEach(async () => {
  await closeTestDatabase(db);
});

describe('where the deliverable is held', () => {
  it('is received when the latest version came in a deliverable package: the client', async () => {
    await db.submissions.bulkAdd([submission(1, 'sub-1'), submission(2, 'del-2')]);
    await db.receivedPackages.bulkAdd([
      receivedPackage('sub-1', 'submission'),
      receivedPackage('del-2', 'deliverable'),
    ]);
    expect(await createDeliveriesRepository(db).holding(task.id)).toEqual({
      held: 'received',
      packageId: 'del-2',
    });
  });

  it('is sent, the latest deliverable exported, when it came in as a submission: the reviewer', async () => {
    await db.submissions.bulkAdd([submission(1, 'sub-1'), submission(2, 'sub-2')]);
    await db.receivedPackages.bulkAdd([
      receivedPackage('sub-1', 'submission'),
      receivedPackage('sub-2', 'submission'),
    ]);
    await db.sentPackages.bulkAdd([
      sentPackage('review-1', 'review', '2026-11-20T10:00:00.000Z'),
      sentPackage('del-a', 'deliverable', '2026-11-22T10:00:00.000Z'),
      sentPackage('del-b', 'deliverable', '2026-11-23T10:00:00.000Z'),
    ]);
    expect(await createDeliveriesRepository(db).holding(task.id)).toEqual({
      held: 'sent',
      packageId: 'del-b',
      fileName: 'del-b.kpo',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('is nowhere for a coordinator who sent only the task', async () => {
    await db.sentPackages.add(sentPackage('task-pkg', 'task', AT));
    expect(await createDeliveriesRepository(db).holding(task.id)).toEqual({ held: 'none' });
  });
});

describe('a task delivery summary', () => {
  it('says when it was delivered and by whom, the signed decision and the delivered time', async () => {
    await appendTaskEvent(
      db,
      task.id,
      'task.state-changed',
      { to: 'delivered', version: 2, packageId: 'del-2' },
      {
        actor: '3333333333333333',
        at: new Date('2026-11-24T10:00:00.000Z'),
      },
    );
    await appendTaskEvent(
      db,
      task.id,
      'task.state-changed',
      { to: 'accepted', comments: 'Thanks', signer: 'Nina' },
      {
        actor: '2222222222222222',
      },
    );
    const acceptance = {
      packageId: 'acc-1',
      taskId: task.id,
      decision: 'accepted' as const,
      comments: 'Thanks',
      signer: { name: 'Nina', keyId: '2222222222222222' },
      signedAt: '2026-11-25T09:00:00.000Z',
      deliverablePackageId: 'del-2',
      contentDigest: '2'.repeat(128),
      version: 2,
      receivedAt: AT,
    };
    await db.acceptances.add(acceptance);
    const entry = { id: 'e1', person: '1111111111111111', date: '2026-11-21', minutes: 60, activity: 'x' };
    await db.receivedTime.bulkAdd([
      {
        packageId: 'sub-1',
        taskId: task.id,
        kind: 'submission',
        version: 1,
        entries: [entry],
        receivedAt: AT,
      },
      {
        packageId: 'acc-1',
        taskId: task.id,
        kind: 'acceptance',
        version: 2,
        entries: [entry, { ...entry, id: 'e2' }],
        receivedAt: AT,
      },
    ]);

    const summary = await createDeliveriesRepository(db).summary(task.id);
    expect(summary?.history.delivered).toEqual({
      at: '2026-11-24T10:00:00.000Z',
      actor: '3333333333333333',
      version: 2,
      packageId: 'del-2',
    });
    expect(summary?.history.decision).toMatchObject({
      decision: 'accepted',
      comments: 'Thanks',
      signer: 'Nina',
    });
    expect(summary?.acceptance).toEqual(acceptance);
    expect(summary?.time).toEqual({ version: 2, entries: [entry, { ...entry, id: 'e2' }] });
  });

  it('is undefined for a task that is not here', async () => {
    expect(await createDeliveriesRepository(db).summary('nope')).toBeUndefined();
  });
});
