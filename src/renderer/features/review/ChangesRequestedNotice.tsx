import { Alert, Button, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { outstandingChangeRequest } from './change-request';
import { ReviewHistoryView } from './ReviewHistoryView';
import type { ReviewFeedback } from './use-review-feedback';
import { useReviewFeedback } from './use-review-feedback';

const plural = (n: number, one: string, many: string): string => `${String(n)} ${n === 1 ? one : many}`;

function summary(feedback: ReviewFeedback): string {
  const threads = feedback.rounds.reduce((sum, r) => sum + r.threads.length, 0);
  const verdicts = feedback.count - threads;
  const parts = [
    ...(threads > 0 ? [plural(threads, 'comment thread', 'comment threads')] : []),
    ...(verdicts > 0 ? [plural(verdicts, 'QC verdict with a remark', 'QC verdicts with remarks')] : []),
  ];
  if (parts.length === 0) return 'The reviewer left no comments beyond the reason above.';
  const open = feedback.openThreads > 0 ? ` (${String(feedback.openThreads)} still open)` : '';
  return `The reviewer left ${parts.join(' and ')}${open}. Each is also shown beside what it is about wherever that is still in the task.`;
}

/**
 * At the top of a task that came back from review: the reviewer's reason, until the next
 * submission, and every comment and verdict in one list, so none depends on having a place.
 */
export function ChangesRequestedNotice({ task }: { task: TaskRecord }) {
  const [open, setOpen] = useState(false);
  const comeBack = task.state === 'in_progress' || task.state === 'changes_requested';
  const request = useLiveQuery(
    async () =>
      comeBack ? outstandingChangeRequest((await repositories.tasks.auditLog(task.id)).events) : undefined,
    [task.id, task.updatedAt, comeBack],
  );
  const feedback = useReviewFeedback(task);
  if (!request) return null;
  return (
    <Alert
      color={'orange'}
      variant="light"
      role="alert"
      title="Changes requested"
      aria-label="Changes requested"
    >
      <Stack gap="xs">
        <Text size="sm">{request.reason}</Text>
        <Text size="xs">Requested on {new Date(request.at).toLocaleString()}.</Text>
        {feedback && (
          <>
            <Text size="sm" data-testid="review-feedback-summary">
              {summary(feedback)}
            </Text>
            {feedback.count > 0 && (
              <Button
                size="xs"
                variant="default"
                w="fit-content"
                aria-expanded={open}
                onClick={() => {
                  setOpen((shown) => !shown);
                }}
              >
                {open ? 'Hide review comments' : `Show all review comments (${String(feedback.count)})`}
              </Button>
            )}
            {open && (
              <ReviewHistoryView rounds={feedback.rounds} words={feedback.words} label="Review comments" />
            )}
          </>
        )}
      </Stack>
    </Alert>
  );
}
