import { reviewerStanding } from '@core/review';
import { STATE_LABELS } from '@core/workflow';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { QcVerdictRecord, ReviewCommentRecord, SubmissionRecord, TaskRecord } from './records';
import { appendTaskEvent } from './task-events';

export interface NewReviewComment {
  taskId: string;
  version: number;
  /** `section:<heading>`, `answer:<n>`, `chart:<id>`, `table:<id>`, `qc:<itemId>` or `report`. */
  target: string;
  body: string;
  parentId?: string;
}

const byTime = (a: { at: string }, b: { at: string }): number => a.at.localeCompare(b.at);

/**
 * The reviewer's work on submitted versions: threaded comments, QC verdicts and the stored
 * submissions themselves. Every change is an event on the task's audit chain.
 */
export function createReviewRepository(db: KpoDatabase) {
  const requireProfile = async () => {
    const profile = await db.profile.get('me');
    if (!profile) throw new UserInputError('Create your profile in Settings before reviewing.');
    return profile;
  };

  /**
   * Comments and verdicts reach the analyst only in the review package of a submitted version, and
   * count at the next approval: so they are taken only while the version waits for a decision, and
   * only from the reviewer the task names.
   */
  const requireOpenReview = async (taskId: string, version?: number): Promise<TaskRecord> => {
    const [task, profile] = await Promise.all([db.tasks.get(taskId), requireProfile()]);
    if (!task) throw new UserInputError('This task no longer exists on this computer.');
    if (task.state !== 'submitted') {
      throw new UserInputError(
        `"${task.title}" is ${STATE_LABELS[task.state].toLowerCase()}: the review is closed, so nothing can be added to it.`,
      );
    }
    if (version !== undefined && version !== task.version) {
      throw new UserInputError(
        `Version ${String(version)} is not the one under review (version ${String(task.version)}).`,
      );
    }
    const standing = reviewerStanding(task, profile.keyId);
    if (!standing.allowed) throw new UserInputError(standing.reason);
    return task;
  };

  return {
    /** Submissions waiting for this installation's decision: the tasks that name it as reviewer. */
    waiting: async (): Promise<TaskRecord[]> => {
      const profile = await db.profile.get('me');
      return (await db.tasks.where('state').equals('submitted').toArray())
        .filter((task) => reviewerStanding(task, profile?.keyId).allowed)
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    },

    submissions: async (taskId: string): Promise<SubmissionRecord[]> =>
      (await db.submissions.where('taskId').equals(taskId).toArray()).sort((a, b) => a.version - b.version),

    submission: async (taskId: string, version: number): Promise<SubmissionRecord | undefined> =>
      db.submissions.get([taskId, version]),

    /** Every comment on a task, all versions, oldest first (threads are rebuilt from parentId). */
    comments: async (taskId: string): Promise<ReviewCommentRecord[]> =>
      (await db.reviewComments.where('taskId').equals(taskId).toArray()).sort(byTime),

    commentsFor: async (taskId: string, target: string): Promise<ReviewCommentRecord[]> =>
      (
        await db.reviewComments
          .where('taskId')
          .equals(taskId)
          .filter((c) => c.target === target)
          .toArray()
      ).sort(byTime),

    addComment: async (input: NewReviewComment): Promise<ReviewCommentRecord> => {
      const body = input.body.trim();
      if (body === '') throw new UserInputError('Write the comment before posting it.', 'body');
      return db.transaction('rw', db.tasks, db.reviewComments, db.taskEvents, db.profile, async () => {
        await requireOpenReview(input.taskId, input.version);
        const profile = await requireProfile();
        if (input.parentId !== undefined) {
          const parent = await db.reviewComments.get(input.parentId);
          if (parent?.taskId !== input.taskId)
            throw new UserInputError('The comment being replied to no longer exists.');
        }
        const record: ReviewCommentRecord = {
          id: globalThis.crypto.randomUUID(),
          taskId: input.taskId,
          version: input.version,
          target: input.target,
          ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
          author: { name: profile.displayName, keyId: profile.keyId },
          body,
          at: new Date().toISOString(),
          resolved: false,
        };
        await db.reviewComments.add(record);
        await appendTaskEvent(db, input.taskId, 'review.comment-added', {
          commentId: record.id,
          version: record.version,
          target: record.target,
          ...(record.parentId === undefined ? {} : { parentId: record.parentId }),
        });
        return record;
      });
    },

    setResolved: async (commentId: string, resolved: boolean): Promise<void> => {
      await db.transaction('rw', db.tasks, db.reviewComments, db.taskEvents, db.profile, async () => {
        const comment = await db.reviewComments.get(commentId);
        if (!comment) throw new UserInputError('That comment no longer exists.');
        await requireOpenReview(comment.taskId);
        if (comment.resolved === resolved) return;
        await db.reviewComments.update(commentId, { resolved });
        await appendTaskEvent(
          db,
          comment.taskId,
          resolved ? 'review.comment-resolved' : 'review.comment-reopened',
          {
            commentId,
            target: comment.target,
          },
        );
      });
    },

    verdicts: async (taskId: string, version: number): Promise<QcVerdictRecord[]> =>
      db.qcVerdicts.where('[taskId+version]').equals([taskId, version]).toArray(),

    /** The verdicts on every version of a task, oldest version first. */
    verdictsOfTask: async (taskId: string): Promise<QcVerdictRecord[]> =>
      db.qcVerdicts.where('[taskId+version]').between([taskId, 0], [taskId, Infinity]).toArray(),

    setVerdict: async (
      taskId: string,
      version: number,
      itemId: string,
      verdict: QcVerdictRecord['verdict'],
      comment: string,
    ): Promise<void> => {
      if (verdict === 'disagree' && comment.trim() === '') {
        throw new UserInputError('Say why you disagree with this QC result.', 'comment');
      }
      await db.transaction('rw', db.tasks, db.qcVerdicts, db.taskEvents, db.profile, async () => {
        await requireOpenReview(taskId, version);
        const record: QcVerdictRecord = {
          taskId,
          version,
          itemId,
          verdict,
          comment: comment.trim(),
          at: new Date().toISOString(),
        };
        await db.qcVerdicts.put(record);
        await appendTaskEvent(db, taskId, 'review.qc-verdict', { version, itemId, verdict });
      });
    },
  };
}

export type ReviewRepository = ReturnType<typeof createReviewRepository>;
