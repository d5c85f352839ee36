import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendAuditEvent, buildPackage, serializeAuditLog, verifyPackage } from '@core/package';
import { json, makeKey, samplePackageInput, text } from '@core/package/fixtures.test-support';
import { repositories } from '../../db';
import { importReceivedPackage } from '../packages/import-received-package';
import type { ReceivedPackage } from '../packages/received-package-handlers';
import { receiveReview } from './receive-review';

const keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };

/** The import as the dialog runs it, with this kind's handler. */
const importReview = async (pkg: ReceivedPackage) =>
  importReceivedPackage(pkg, new Uint8Array(), { review: receiveReview });

async function received(
  kind: 'submission' | 'review',
  files?: Map<string, Uint8Array>,
): Promise<ReceivedPackage> {
  const input = await samplePackageInput(kind, keys);
  const packageId = globalThis.crypto.randomUUID();
  const bytes = await buildPackage({ ...input, packageId, ...(files ? { files } : {}) });
  const verification = verifyPackage(bytes, { trustedKeys: [keys.analyst.trusted, keys.reviewer.trusted] });
  if (!verification.files) throw new Error(JSON.stringify(verification.findings));
  return {
    files: verification.files,
    verification,
    record: {
      packageId,
      kind,
      taskId: 'task-2025-001',
      fileName: `${kind}.kpo`,
      sizeBytes: bytes.byteLength,
      verification: 'trusted',
      signerKeyId: verification.signer?.keyId ?? '',
      baggingDate: null,
      importedAt: '2025-03-05T00:00:00.000Z',
    },
  };
}

describe('review package handler (analyst side)', () => {
  it('puts the task back in progress with the reviewer threads and verdicts stored where they belong', async () => {
    const submission = await received('submission');
    await repositories.handoff.receiveSubmission({
      task: JSON.parse(new TextDecoder().decode(submission.files.get('data/task.json'))) as never,
      packageId: submission.record.packageId,
      events: [],
      sender: { keyId: keys.analyst.keyId },
      files: {},
      contentDigest: 'a'.repeat(128),
      submittedBy: { name: 'Ada', keyId: keys.analyst.keyId },
      submittedAt: '2025-03-03T09:30:00.000Z',
    });

    const input = await samplePackageInput('review', keys);
    const files = new Map(
      [...input.files].filter(([path]) => !path.startsWith('deliverable/') && path !== 'signoffs.json'),
    );
    const author = { name: 'Rex Reviewer', keyId: keys.reviewer.keyId };
    files.set(
      'review/threads.json',
      json({
        comments: [
          {
            id: 'c1',
            version: 1,
            target: 'answer:2',
            author,
            body: 'Which source?',
            at: '2025-03-04T08:00:00Z',
            resolved: false,
          },
          {
            id: 'c2',
            version: 1,
            target: 'answer:2',
            parentId: 'c1',
            author,
            body: 'Also the date.',
            at: '2025-03-04T08:05:00Z',
            resolved: false,
          },
        ],
      }),
    );
    files.set(
      'review/verdicts.json',
      json({
        verdicts: [
          {
            version: 1,
            itemId: 'sources',
            verdict: 'disagree',
            comment: 'Dead link',
            at: '2025-03-04T08:10:00Z',
          },
        ],
      }),
    );
    files.set('review/decision.json', json({ version: 1, reason: 'Cite the south figures.' }));
    // The reviewer's log continues the one the submission brought (here: what receiving it logged).
    const reviewerLog = (await repositories.tasks.auditLog('task-2025-001')).events;
    files.set(
      'audit/events.jsonl',
      text(
        serializeAuditLog(
          appendAuditEvent(reviewerLog, {
            at: '2025-03-04T09:00:00Z',
            actor: keys.reviewer.keyId,
            type: 'review.comment-added',
            data: {},
          }),
        ),
      ),
    );
    const applied = await importReview(await received('review', files));

    expect(applied).toEqual({
      taskId: 'task-2025-001',
      message: expect.stringContaining('Cite the south figures.') as string,
    });
    expect((await repositories.tasks.get('task-2025-001'))?.state).toBe('in_progress');
    expect(
      (await repositories.review.commentsFor('task-2025-001', 'answer:2')).map((c) => [c.id, c.parentId]),
    ).toEqual([
      ['c1', undefined],
      ['c2', 'c1'],
    ]);
    expect(await repositories.review.verdicts('task-2025-001', 1)).toEqual([
      expect.objectContaining({ itemId: 'sources', verdict: 'disagree', comment: 'Dead link' }),
    ]);
    const log = await repositories.tasks.auditLog('task-2025-001');
    expect(log.problems).toEqual([]);
    expect(log.events.filter((e) => e.type === 'task.state-changed').map((e) => e.data['to'])).toEqual([
      'submitted',
      'changes_requested',
      'in_progress',
    ]);
  });

  it('refuses a review package without the reviewer decision, changing nothing', async () => {
    const input = await samplePackageInput('review', keys);
    const files = new Map(
      [...input.files].filter(([path]) => !path.startsWith('deliverable/') && path !== 'signoffs.json'),
    );
    await expect(importReview(await received('review', files))).rejects.toThrow(
      /review\/decision\.json is missing/,
    );
  });
});
