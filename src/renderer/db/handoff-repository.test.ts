import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, Task } from '@core/package';
import { appendAuditEvent } from '@core/package';
import { KpoDatabase } from './database';
import { createHandoffRepository } from './handoff-repository';
import { readTaskAuditLog } from './task-events';

let db: KpoDatabase;
let counter = 0;
const KEY = 'ABCDEF0123456789';

const task: Task = {
  id: 'task-1',
  title: 'Regional sales',
  client: 'Northwind',
  brief: 'Explain Q4.',
  questions: [{ number: 1, text: 'Which region grew?' }],
  due: '2026-12-01T17:00:00Z',
  priority: 'normal',
  estimateHours: 6,
  people: { coordinator: { name: 'Cora', keyId: KEY }, analyst: { name: 'Ada', keyId: KEY } },
  datasets: [],
  checklist: { items: [{ id: 'a', text: 'Answered', severity: 'critical', evidenceRequired: false }] },
};

const senderLog = (...moves: string[]): AuditEvent[] =>
  moves.reduce<AuditEvent[]>(
    (log, to, index) =>
      appendAuditEvent(log, {
        at: `2026-11-2${index}T10:00:00.000Z`,
        actor: KEY,
        type: 'task.state-changed',
        data: { to },
      }),
    [],
  );

const version = (digest: string, events: AuditEvent[]) => ({
  task,
  packageId: `pkg-${digest}`,
  events,
  files: { 'deliverable/report.md': new TextEncoder().encode(`# v ${digest}`) },
  contentDigest: digest.repeat(128).slice(0, 128),
  submittedBy: { name: 'Ada', keyId: KEY },
  submittedAt: '2026-11-24T10:00:00.000Z',
});

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`handoff-repository-test-${counter}`);
  await db.profile.add({
    id: 'me',
    displayName: 'Rex',
    organisation: 'Acme',
    email: 'rex@acme.example',
    roles: ['reviewer'],
    keyId: KEY,
    createdAt: '2026-11-25T00:00:00.000Z',
  });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('handoff repository', () => {
  it('stores submissions as numbered versions, adopting the sender log and recording the state it implies', async () => {
    const handoff = createHandoffRepository(db);
    expect(await handoff.receiveSubmission(version('a', senderLog('assigned', 'in_progress')))).toBe(1);
    expect(
      await handoff.receiveSubmission(version('b', senderLog('assigned', 'in_progress', 'submitted'))),
    ).toBe(2);
    // The same content again is the same version, not a new one.
    expect(
      await handoff.receiveSubmission(version('b', senderLog('assigned', 'in_progress', 'submitted'))),
    ).toBe(2);

    expect(await db.tasks.get('task-1')).toMatchObject({
      state: 'submitted',
      origin: 'received',
      version: 2,
    });
    expect((await db.submissions.where('taskId').equals('task-1').toArray()).map((s) => s.version)).toEqual([
      1, 2,
    ]);
    const log = await readTaskAuditLog(db, 'task-1');
    expect(log.problems).toEqual([]);
    expect(log.events.map((e) => [e.type, e.data['to'] ?? e.data['kind']])).toEqual([
      ['task.state-changed', 'assigned'],
      ['task.state-changed', 'in_progress'],
      ['task.state-changed', 'submitted'],
      // What was logged here on receiving version 1 is not in version 2's log, and is kept.
      ['audit.local-events-kept', undefined],
      ['package.received', 'submission'],
    ]);
  });

  it('refuses a submission for a task already approved, leaving everything as it was', async () => {
    const handoff = createHandoffRepository(db);
    await handoff.receiveDeliverable(version('a', senderLog('assigned', 'approved', 'delivered')));
    await expect(handoff.receiveSubmission(version('c', senderLog('assigned')))).rejects.toThrow(
      /already delivered/,
    );
    expect(await db.tasks.get('task-1')).toMatchObject({ state: 'delivered' });
    expect(await db.submissions.count()).toBe(1);
  });

  it('returns reviewed work to the analyst with comments and verdicts, and closes tasks on acceptance', async () => {
    const handoff = createHandoffRepository(db);
    await handoff.receiveSubmission(version('a', senderLog('assigned', 'in_progress', 'submitted')));
    await handoff.receiveReview({
      task,
      packageId: 'review-1',
      events: senderLog('assigned', 'in_progress', 'submitted', 'changes_requested'),
      reason: 'Cite sources',
      comments: [
        {
          id: 'c1',
          taskId: 'task-1',
          version: 1,
          target: 'answer:1',
          author: { name: 'Rex', keyId: KEY },
          body: 'Which source?',
          at: '2026-11-24T11:00:00.000Z',
          resolved: false,
        },
      ],
      verdicts: [
        {
          taskId: 'task-1',
          version: 1,
          itemId: 'a',
          verdict: 'agree',
          comment: '',
          at: '2026-11-24T11:00:00.000Z',
        },
      ],
    });
    expect(await db.tasks.get('task-1')).toMatchObject({ state: 'in_progress' });
    expect(await db.reviewComments.count()).toBe(1);
    expect(await db.qcVerdicts.count()).toBe(1);

    await handoff.receiveAcceptance({
      task,
      packageId: 'acc-1',
      events: senderLog('assigned', 'in_progress', 'submitted', 'approved', 'delivered', 'accepted'),
      decision: 'accepted',
      comments: 'Thanks',
      signerName: 'Client',
    });
    expect(await db.tasks.get('task-1')).toMatchObject({ state: 'accepted' });
    const beforeSecond = (await readTaskAuditLog(db, 'task-1')).events.length;
    await expect(
      handoff.receiveAcceptance({
        task,
        packageId: 'acc-2',
        events: [],
        decision: 'rejected',
        comments: '',
        signerName: 'X',
      }),
    ).rejects.toThrow(/already closed as accepted/);
    expect((await readTaskAuditLog(db, 'task-1')).events).toHaveLength(beforeSecond);
    expect((await readTaskAuditLog(db, 'task-1')).problems).toEqual([]);
  });

  it('keeps the local history when a package carries no audit log', async () => {
    const handoff = createHandoffRepository(db);
    await handoff.receiveSubmission(version('a', senderLog('assigned', 'in_progress', 'submitted')));
    await handoff.receiveDeliverable(version('b', []));
    const log = await readTaskAuditLog(db, 'task-1');
    expect(log.problems).toEqual([]);
    expect(log.events.map((e) => e.data['to'] ?? e.data['kind'])).toEqual([
      'assigned',
      'in_progress',
      'submitted',
      'submission',
      'delivered',
      'deliverable',
    ]);
  });
});
