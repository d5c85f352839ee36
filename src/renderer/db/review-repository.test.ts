import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import type { TaskRecord } from './records';
import { createReviewRepository } from './review-repository';
import { readTaskAuditLog } from './task-events';

let db: KpoDatabase;
let counter = 0;
const OWN_KEY = 'ABCDEF0123456789';
const ANALYST = { name: 'Ada Analyst', keyId: '1111111111111111' };

/** Task t1, version 1 waiting for this installation's decision unless `changes` say otherwise. */
async function putTask(changes: Partial<TaskRecord> = {}): Promise<void> {
  const now = '2026-11-25T00:00:00.000Z';
  await db.tasks.put({
    id: 't1',
    origin: 'received',
    state: 'submitted',
    title: 'Regional sales',
    client: 'Northwind',
    brief: '',
    questions: [{ number: 1, text: 'Which region grew?' }],
    due: '2026-12-01T17:00:00Z',
    priority: 'normal',
    estimateHours: 4,
    analyst: ANALYST,
    reviewer: { name: 'Rex Reviewer', keyId: OWN_KEY },
    datasets: [],
    checklistName: 'Checklist',
    checklist: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...changes,
  });
}

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`review-repository-test-${counter}`);
  await db.profile.add({
    id: 'me',
    displayName: 'Rex Reviewer',
    organisation: 'Acme',
    email: 'rex@acme.example',
    roles: ['reviewer'],
    keyId: OWN_KEY,
    createdAt: '2026-11-25T00:00:00.000Z',
  });
  await putTask();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('review repository', () => {
  it('threads comments, resolves and reopens them, and logs every change on an intact chain', async () => {
    const review = createReviewRepository(db);
    const root = await review.addComment({
      taskId: 't1',
      version: 1,
      target: 'answer:2',
      body: ' Cite it. ',
    });
    const reply = await review.addComment({
      taskId: 't1',
      version: 1,
      target: 'answer:2',
      body: 'Done in v2',
      parentId: root.id,
    });
    await review.addComment({ taskId: 't1', version: 1, target: 'qc:sources', body: 'Check again' });
    await review.setResolved(root.id, true);
    await review.setResolved(root.id, false);

    const thread = await review.commentsFor('t1', 'answer:2');
    expect(thread.map((c) => [c.body, c.parentId, c.resolved, c.author.name])).toEqual([
      ['Cite it.', undefined, false, 'Rex Reviewer'],
      ['Done in v2', root.id, false, 'Rex Reviewer'],
    ]);
    expect(reply.parentId).toBe(root.id);
    expect(await review.comments('t1')).toHaveLength(3);

    const log = await readTaskAuditLog(db, 't1');
    expect(log.events.map((e) => e.type)).toEqual([
      'review.comment-added',
      'review.comment-added',
      'review.comment-added',
      'review.comment-resolved',
      'review.comment-reopened',
    ]);
    expect(log.problems).toEqual([]);
  });

  it('refuses an empty comment or a reply to a comment that does not exist, storing nothing', async () => {
    const review = createReviewRepository(db);
    await expect(
      review.addComment({ taskId: 't1', version: 1, target: 'report', body: '  ' }),
    ).rejects.toThrow(/Write the comment/);
    await expect(
      review.addComment({ taskId: 't1', version: 1, target: 'report', body: 'x', parentId: 'missing' }),
    ).rejects.toThrow(/no longer exists/);
    expect(await review.comments('t1')).toEqual([]);
    expect((await readTaskAuditLog(db, 't1')).events).toEqual([]);
  });

  it('keeps one verdict per QC item, requiring a reason to disagree', async () => {
    const review = createReviewRepository(db);
    await review.setVerdict('t1', 1, 'sources', 'agree', '');
    await review.setVerdict('t1', 1, 'sources', 'disagree', 'Two links are dead');
    await expect(review.setVerdict('t1', 1, 'answered', 'disagree', ' ')).rejects.toThrow(/why you disagree/);
    await expect(review.setVerdict('t1', 2, 'sources', 'agree', '')).rejects.toThrow(
      'Version 2 is not the one under review (version 1).',
    );

    expect((await review.verdicts('t1', 1)).map((v) => [v.itemId, v.verdict, v.comment])).toEqual([
      ['sources', 'disagree', 'Two links are dead'],
    ]);
    expect(await review.verdicts('t1', 2)).toEqual([]);
    // Version 2 arrives; its verdicts are its own, and the task's history keeps both.
    await putTask({ version: 2 });
    await review.setVerdict('t1', 2, 'sources', 'agree', '');
    expect((await review.verdictsOfTask('t1')).map((v) => [v.version, v.verdict])).toEqual([
      [1, 'disagree'],
      [2, 'agree'],
    ]);
    expect((await readTaskAuditLog(db, 't1')).events.map((e) => e.data['verdict'])).toEqual([
      'agree',
      'disagree',
      'agree',
    ]);
  });

  it('is read-only once a decision was made: no comment, reply, resolution or verdict is taken', async () => {
    const review = createReviewRepository(db);
    const root = await review.addComment({ taskId: 't1', version: 1, target: 'report', body: 'Cite it.' });
    const before = (await readTaskAuditLog(db, 't1')).events;
    for (const state of ['changes_requested', 'approved', 'delivered', 'in_progress'] as const) {
      await putTask({ state });
      const closed = new RegExp(`the review is closed, so nothing can be added to it`);
      await expect(
        review.addComment({ taskId: 't1', version: 1, target: 'report', body: 'Late' }),
      ).rejects.toThrow(closed);
      await expect(
        review.addComment({ taskId: 't1', version: 1, target: 'report', body: 'Late', parentId: root.id }),
      ).rejects.toThrow(closed);
      await expect(review.setResolved(root.id, true)).rejects.toThrow(closed);
      await expect(review.setVerdict('t1', 1, 'sources', 'agree', '')).rejects.toThrow(closed);
    }
    expect((await review.comments('t1')).map((c) => [c.body, c.resolved])).toEqual([['Cite it.', false]]);
    expect(await review.verdicts('t1', 1)).toEqual([]);
    expect((await readTaskAuditLog(db, 't1')).events).toEqual(before);
  });

  it('takes comments and verdicts only from the named reviewer, never from the analyst', async () => {
    const review = createReviewRepository(db);
    await putTask({ analyst: { name: 'Rex Reviewer', keyId: OWN_KEY } });
    await expect(
      review.addComment({ taskId: 't1', version: 1, target: 'report', body: 'Looks fine' }),
    ).rejects.toThrow(/You are this task's analyst .*four-eyes/);
    await putTask({ reviewer: { name: 'Rita', keyId: '2222222222222222' } });
    await expect(review.setVerdict('t1', 1, 'sources', 'agree', '')).rejects.toThrow(
      /names Rita \(key 2222222222222222\) as its reviewer/,
    );
    expect(await review.comments('t1')).toEqual([]);
  });

  it('lists only the submissions that wait for this installation as the named reviewer', async () => {
    const review = createReviewRepository(db);
    await putTask({ id: 'own-work', analyst: { name: 'Rex', keyId: OWN_KEY } });
    await putTask({ id: 'someone-else', reviewer: { name: 'Rita', keyId: '2222222222222222' } });
    await putTask({ id: 'sent-back', state: 'changes_requested' });
    expect((await review.waiting()).map((task) => task.id)).toEqual(['t1']);
  });
});
