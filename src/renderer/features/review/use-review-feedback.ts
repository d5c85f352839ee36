import type { ReviewRound } from '@core/review';
import { describeReviewTarget, feedbackCount, reviewHistory } from '@core/review';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { loadKeyNames } from '../audit/key-names';
import type { HistoryWords } from './ReviewHistoryView';
import { submissionTargetNames } from './target-names';

export interface ReviewFeedback {
  rounds: ReviewRound[];
  /** What the list shows: every thread and every verdict that says something. */
  count: number;
  openThreads: number;
  words: HistoryWords;
}

/**
 * Everything the reviewer sent back on a task, by version, named readably: for the analyst's
 * notice, so no comment depends on having a place beside the item it is about.
 */
export function useReviewFeedback(task: TaskRecord): ReviewFeedback | undefined {
  return useLiveQuery(async () => {
    const [comments, verdicts, log, submissions, keyNames] = await Promise.all([
      repositories.review.comments(task.id),
      repositories.review.verdictsOfTask(task.id),
      repositories.tasks.auditLog(task.id),
      repositories.review.submissions(task.id),
      loadKeyNames([task.coordinator, task.analyst, task.reviewer]),
    ]);
    const rounds = reviewHistory({ comments, verdicts, events: log.events });
    const names = submissionTargetNames(submissions);
    return {
      rounds,
      count: feedbackCount(rounds),
      openThreads: rounds.flatMap((r) => r.threads).filter((t) => !t.root.resolved).length,
      words: {
        describe: (target: string) => describeReviewTarget(target, names),
        nameOf: (keyId: string) => keyNames.get(keyId),
      },
    };
  }, [task]);
}
