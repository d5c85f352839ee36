import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, Task } from '@core/package';
import { appendAuditEvent } from '@core/package';
import { KpoDatabase } from './database';
import { createHandoffRepository } from './handoff-repository';
import { appendTaskEvent, readTaskAuditLog } from './task-events';

let db: KpoDatabase;
let counter = 0;
/** This installation's key: the reviewer's in these tests. */
const KEY = 'ABCDEF0123456789';
/** Whoever signed the package that arrives. */
const SENDER = { keyId: '1111111111111111', name: 'Ada' };
const DIGEST = 'b'.repeat(128);

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

/** A sender's log of moves: a state, or a state with what the move records. */
const senderLog = (...moves: (string | Record<string, unknown>)[]): AuditEvent[] =>
  moves.reduce<AuditEvent[]>(
    (log, move, index) =>
      appendAuditEvent(log, {
        at: `2026-11-2${index}T10:00:00.000Z`,
        actor: KEY,
        type: 'task.state-changed',
        data: typeof move === 'string' ? { to: move } : move,
      }),
    [],
  );

const version = (digest: string, events: AuditEvent[]) => ({
  task,
  packageId: `pkg-${digest}`,
  events,
  sender: SENDER,
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

  it("records the move a package implies as the sender's, with the version, and its receipt as ours", async () => {
    const handoff = createHandoffRepository(db);
    await handoff.receiveSubmission(version('a', senderLog('assigned', 'in_progress')));
    const log = await readTaskAuditLog(db, 'task-1');
    expect(log.problems).toEqual([]);
    const [implied, received] = log.events.slice(-2);
    expect(implied).toMatchObject({
      actor: SENDER.keyId,
      type: 'task.state-changed',
      data: { from: 'in_progress', to: 'submitted', by: 'analyst', version: 1, senderName: 'Ada' },
    });
    expect(received).toMatchObject({ actor: KEY, type: 'package.received', data: { kind: 'submission' } });
  });

  const comment = {
    id: 'c1',
    taskId: 'task-1',
    version: 1,
    target: 'answer:1',
    author: { name: 'Rex', keyId: KEY },
    body: 'Which source?',
    at: '2026-11-24T11:00:00.000Z',
    resolved: false,
  };
  const verdict = {
    taskId: 'task-1',
    version: 1,
    itemId: 'a',
    verdict: 'agree' as const,
    comment: '',
    at: '2026-11-24T11:00:00.000Z',
  };
  const review = (reviewedVersion: number) => ({
    task,
    packageId: `review-${String(reviewedVersion)}`,
    events: senderLog('assigned', 'in_progress', 'submitted'),
    sender: { keyId: KEY, name: 'Rex' },
    version: reviewedVersion,
    reason: 'Cite sources',
    comments: [{ ...comment, version: reviewedVersion }],
    verdicts: [{ ...verdict, version: reviewedVersion }],
  });

  it('returns reviewed work to the analyst with comments, verdicts and the reason on the implied move', async () => {
    const handoff = createHandoffRepository(db);
    await handoff.receiveSubmission(version('a', senderLog('assigned', 'in_progress', 'submitted')));
    await handoff.receiveReview(review(1));
    expect(await db.tasks.get('task-1')).toMatchObject({ state: 'in_progress' });
    expect(await db.reviewComments.count()).toBe(1);
    expect(await db.qcVerdicts.count()).toBe(1);
    const log = await readTaskAuditLog(db, 'task-1');
    expect(log.problems).toEqual([]);
    expect(log.events.find((e) => e.data['to'] === 'changes_requested')).toMatchObject({
      data: { version: 1, reason: 'Cite sources' },
    });
  });

  it('refuses a review of an older version than the latest submitted, saying which is which and changing nothing', async () => {
    const handoff = createHandoffRepository(db);
    await handoff.receiveSubmission(version('a', senderLog('assigned', 'in_progress', 'submitted')));
    await handoff.receiveSubmission(version('b', senderLog('assigned', 'in_progress', 'submitted')));
    const before = (await readTaskAuditLog(db, 'task-1')).events;
    await expect(handoff.receiveReview(review(1))).rejects.toThrow(
      'This review is about version 1 of "Regional sales", but version 2 is the latest submitted here; it was not imported.',
    );
    expect(await db.tasks.get('task-1')).toMatchObject({ state: 'submitted', version: 2 });
    expect(await db.reviewComments.count()).toBe(0);
    expect(await db.qcVerdicts.count()).toBe(0);
    expect((await readTaskAuditLog(db, 'task-1')).events).toEqual(before);
  });

  describe('a submission that would reopen a decided version', () => {
    /** The reviewer here sends version `v` back, as review-decisions.ts records it. */
    const requestChanges = async (v: number) => {
      await db.transaction('rw', [db.tasks, db.taskEvents, db.profile], async () => {
        await db.tasks.update('task-1', { state: 'changes_requested' });
        await appendTaskEvent(db, 'task-1', 'task.state-changed', {
          from: 'submitted',
          to: 'changes_requested',
          by: 'reviewer',
          version: v,
          reason: 'Cite sources',
          packageId: `review-${String(v)}`,
        });
      });
    };
    const submitted = (digest: string, v: number, packageId = `pkg-${digest}`) => ({
      ...version(digest, senderLog('assigned', 'in_progress', { to: 'submitted', version: v })),
      packageId,
      version: v,
    });
    const snapshot = async () => ({
      task: await db.tasks.get('task-1'),
      submissions: await db.submissions.toArray(),
      log: (await readTaskAuditLog(db, 'task-1')).events,
      time: await db.receivedTime.count(),
    });

    it('refuses an older version than the one whose changes were requested, saying which is which and changing nothing', async () => {
      const handoff = createHandoffRepository(db);
      // Version 1 arrived too but was never imported; version 2 was, and went back to the analyst.
      await handoff.receiveSubmission(submitted('b', 2));
      await requestChanges(2);
      const before = await snapshot();
      await expect(handoff.receiveSubmission({ ...submitted('a', 1), timeEntries: [] })).rejects.toThrow(
        'This is version 1 of "Regional sales"; version 2 is already here and changes were requested on it, so this older version was not imported.',
      );
      expect(await snapshot()).toEqual(before);
      expect(before.task).toMatchObject({ state: 'changes_requested', version: 2 });
    });

    it('refuses an older version while the newer one still waits for review', async () => {
      const handoff = createHandoffRepository(db);
      await handoff.receiveSubmission(submitted('b', 2));
      const before = await snapshot();
      await expect(handoff.receiveSubmission(submitted('a', 1))).rejects.toThrow(
        'This is version 1 of "Regional sales"; version 2 is already here and it is waiting for review, so this older version was not imported.',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses the decided version sent again, even as another package, whether or not its manifest numbers it', async () => {
      const handoff = createHandoffRepository(db);
      await handoff.receiveSubmission(submitted('a', 1));
      await requestChanges(1);
      const before = await snapshot();
      const refused =
        'This is version 1 of "Regional sales"; version 1 is already here and changes were requested on it, so it was not imported again. Revised work comes as version 2.';
      await expect(handoff.receiveSubmission(submitted('a', 1, 'pkg-a-resent'))).rejects.toThrow(refused);
      // Without a version in its manifest, the same content is still version 1.
      await expect(
        handoff.receiveSubmission({ ...version('a', senderLog('assigned')), packageId: 'pkg-a-again' }),
      ).rejects.toThrow(refused);
      expect(await snapshot()).toEqual(before);
    });

    it('reads the decision from the state when the logged move does not name its version', async () => {
      const handoff = createHandoffRepository(db);
      await handoff.receiveSubmission(submitted('a', 1));
      await db.transaction('rw', [db.tasks, db.taskEvents, db.profile], async () => {
        await db.tasks.update('task-1', { state: 'changes_requested' });
        await appendTaskEvent(db, 'task-1', 'task.state-changed', { to: 'changes_requested' });
      });
      await expect(handoff.receiveSubmission(submitted('a', 1, 'pkg-a-resent'))).rejects.toThrow(
        /version 1 is already here and changes were requested on it/,
      );
    });

    it('takes the revised version after changes were requested, and a copy of it before it is decided', async () => {
      const handoff = createHandoffRepository(db);
      expect(await handoff.receiveSubmission(submitted('a', 1))).toBe(1);
      await requestChanges(1);
      expect(await handoff.receiveSubmission(submitted('b', 2))).toBe(2);
      expect(await db.tasks.get('task-1')).toMatchObject({ state: 'submitted', version: 2 });
      // The same version re-sent while it still waits is stored again, not refused.
      expect(await handoff.receiveSubmission(submitted('b', 2, 'pkg-b-resent'))).toBe(2);
      expect(await db.submissions.get(['task-1', 2])).toMatchObject({ packageId: 'pkg-b-resent' });
      // Without a version in its manifest, new content after a decision is the next version.
      await requestChanges(2);
      expect(await handoff.receiveSubmission(version('c', senderLog('assigned')))).toBe(3);
      expect(await db.tasks.get('task-1')).toMatchObject({ state: 'submitted', version: 3 });
    });
  });

  describe('the client decision', () => {
    const delivered = (packageId = 'deliverable-1') =>
      senderLog(
        'assigned',
        'in_progress',
        'submitted',
        { to: 'approved', version: 1, contentDigest: DIGEST },
        { to: 'delivered', version: 1, via: packageId },
      );
    const decision = (overrides: Record<string, unknown> = {}) => ({
      task,
      packageId: 'acc-1',
      events: delivered(),
      sender: { keyId: '2222222222222222', name: 'Nina' },
      decision: 'accepted' as const,
      comments: 'Thanks',
      signerName: 'Nina',
      signerKeyId: '2222222222222222',
      signedAt: '2026-11-26T09:00:00.000Z',
      deliverablePackageId: 'deliverable-1',
      contentDigest: DIGEST,
      ...overrides,
    });
    /** The coordinator's view: the task went out and nothing came back until the decision. */
    const assignedHere = async () => {
      const now = '2026-11-20T10:00:00.000Z';
      await db.tasks.put({
        id: task.id,
        origin: 'authored',
        state: 'assigned',
        title: task.title,
        client: task.client,
        brief: task.brief,
        questions: task.questions,
        due: task.due,
        priority: task.priority,
        estimateHours: task.estimateHours,
        datasets: [],
        checklistName: 'Checklist',
        checklist: [],
        version: 0,
        createdAt: now,
        updatedAt: now,
      });
      await db.taskEvents.bulkAdd(senderLog('assigned').map((event) => ({ taskId: task.id, ...event })));
    };
    const unchanged = async (run: () => Promise<unknown>, message: RegExp) => {
      const before = { task: await db.tasks.get(task.id), log: (await readTaskAuditLog(db, task.id)).events };
      await expect(run()).rejects.toThrow(message);
      expect(await db.tasks.get(task.id)).toEqual(before.task);
      expect((await readTaskAuditLog(db, task.id)).events).toEqual(before.log);
    };

    it("closes a task whose delivery the package log shows, once, as the client's move", async () => {
      const handoff = createHandoffRepository(db);
      await assignedHere();
      await handoff.receiveAcceptance(decision());
      expect(await db.tasks.get('task-1')).toMatchObject({ state: 'accepted' });
      const log = await readTaskAuditLog(db, 'task-1');
      expect(log.problems).toEqual([]);
      expect(log.events.find((e) => e.data['to'] === 'accepted')).toMatchObject({
        actor: '2222222222222222',
        data: { comments: 'Thanks', senderName: 'Nina' },
      });
      await unchanged(
        async () => handoff.receiveAcceptance(decision({ packageId: 'acc-2', decision: 'rejected' })),
        /already closed as accepted/,
      );
    });

    it('records the signed decision and the delivered time entries the acceptance carried', async () => {
      const handoff = createHandoffRepository(db);
      await assignedHere();
      const entries = [
        { id: 'e1', person: KEY, date: '2026-11-21', minutes: 135, activity: 'manual entry' },
        { id: 'e2', person: KEY, date: '2026-11-22', minutes: 20, activity: 'timed work', note: 'Charts' },
      ];
      await handoff.receiveAcceptance(decision({ timeEntries: entries }));
      expect(await db.acceptances.toArray()).toEqual([
        {
          packageId: 'acc-1',
          taskId: 'task-1',
          decision: 'accepted',
          comments: 'Thanks',
          signer: { name: 'Nina', keyId: '2222222222222222' },
          signedAt: '2026-11-26T09:00:00.000Z',
          deliverablePackageId: 'deliverable-1',
          contentDigest: DIGEST,
          version: 1,
          receivedAt: expect.any(String) as string,
        },
      ]);
      expect(await db.receivedTime.toArray()).toEqual([
        {
          packageId: 'acc-1',
          taskId: 'task-1',
          kind: 'acceptance',
          version: 1,
          entries,
          receivedAt: expect.any(String) as string,
        },
      ]);
    });

    it('stores neither the decision nor its time when the decision is refused', async () => {
      const handoff = createHandoffRepository(db);
      await assignedHere();
      const timeEntries = [{ id: 'e1', person: KEY, date: '2026-11-21', minutes: 5, activity: 'x' }];
      await expect(
        handoff.receiveAcceptance(decision({ deliverablePackageId: 'deliverable-0', timeEntries })),
      ).rejects.toThrow(/not about what was delivered/);
      expect(await db.acceptances.count()).toBe(0);
      expect(await db.receivedTime.count()).toBe(0);
    });

    it('refuses a decision on a task that was never delivered, whatever the local state', async () => {
      const handoff = createHandoffRepository(db);
      await assignedHere();
      await unchanged(
        async () => handoff.receiveAcceptance(decision({ events: senderLog('assigned', 'in_progress') })),
        /"Regional sales" is assigned here and the package's log shows no delivery: only a delivered task can be accepted or rejected/,
      );
    });

    it('refuses a decision about another deliverable package or other content', async () => {
      const handoff = createHandoffRepository(db);
      await assignedHere();
      await unchanged(
        async () => handoff.receiveAcceptance(decision({ deliverablePackageId: 'deliverable-0' })),
        /not about what was delivered: the decision is about deliverable package deliverable-0, but the task was delivered as package deliverable-1/,
      );
      await unchanged(
        async () => handoff.receiveAcceptance(decision({ contentDigest: 'c'.repeat(128) })),
        /the client signed off content cccccccccccc…, but version 1 has digest bbbbbbbbbbbb…/,
      );
    });

    it('compares with the delivery logged here before the one the package claims', async () => {
      const handoff = createHandoffRepository(db);
      await handoff.receiveDeliverable({
        ...version('b', delivered('deliverable-1')),
        packageId: 'deliverable-1',
      });
      await unchanged(
        async () =>
          handoff.receiveAcceptance(
            decision({ events: delivered('deliverable-9'), deliverablePackageId: 'deliverable-9' }),
          ),
        /delivered as package deliverable-1/,
      );
    });

    it('refuses a decision about a task that is not here', async () => {
      const handoff = createHandoffRepository(db);
      await expect(handoff.receiveAcceptance(decision())).rejects.toThrow(
        'This decision is about task task-1, which is not in this workbench.',
      );
      expect(await db.tasks.count()).toBe(0);
      expect(await db.taskEvents.count()).toBe(0);
    });
  });

  it('records the time entries each received version carries, with its version and kind', async () => {
    const handoff = createHandoffRepository(db);
    const entries = (minutes: number) => [
      { id: 'e1', person: KEY, date: '2026-11-21', minutes, activity: 'manual entry' },
    ];
    await handoff.receiveSubmission({ ...version('a', []), timeEntries: entries(60) });
    await handoff.receiveSubmission(version('b', []));
    await handoff.receiveDeliverable({
      ...version('b', []),
      packageId: 'deliverable-b',
      timeEntries: entries(90),
    });
    expect(
      (await db.receivedTime.orderBy('packageId').toArray()).map(
        ({ packageId, kind, version: v, entries: e }) => [packageId, kind, v, e[0]?.minutes],
      ),
    ).toEqual([
      ['deliverable-b', 'deliverable', 2, 90],
      ['pkg-a', 'submission', 1, 60],
    ]);
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
