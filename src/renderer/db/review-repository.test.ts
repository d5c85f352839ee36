import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import { createReviewRepository } from './review-repository';
import { readTaskAuditLog } from './task-events';

let db: KpoDatabase;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`review-repository-test-${counter}`);
  await db.profile.add({
    id: 'me',
    displayName: 'Rex Reviewer',
    organisation: 'Acme',
    email: 'rex@acme.example',
    roles: ['reviewer'],
    keyId: 'ABCDEF0123456789',
    createdAt: '2026-11-25T00:00:00.000Z',
  });
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

  it('keeps one verdict per QC item and version, requiring a reason to disagree', async () => {
    const review = createReviewRepository(db);
    await review.setVerdict('t1', 1, 'sources', 'agree', '');
    await review.setVerdict('t1', 1, 'sources', 'disagree', 'Two links are dead');
    await review.setVerdict('t1', 2, 'sources', 'agree', '');
    await expect(review.setVerdict('t1', 1, 'answered', 'disagree', ' ')).rejects.toThrow(/why you disagree/);

    expect((await review.verdicts('t1', 1)).map((v) => [v.itemId, v.verdict, v.comment])).toEqual([
      ['sources', 'disagree', 'Two links are dead'],
    ]);
    expect(await review.verdicts('t1', 2)).toHaveLength(1);
    await review.setVerdict('t2', 1, 'sources', 'agree', '');
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
});
