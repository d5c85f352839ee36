import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReviewThread } from '@core/review';
import { capitalise } from '@core/review';
import type { ReviewCommentRecord } from '../../db';
import { ReviewCommentsFor } from './CommentThreads';

/**
 * Threads on things the version under review no longer has (a renamed finding or chart, a removed
 * table). They still count against approval, so they are shown here to be resolved or answered.
 */
export function ThreadsElsewhere(props: {
  taskId: string;
  threads: readonly ReviewThread<ReviewCommentRecord>[];
  describe: (target: string) => string;
  version: number;
}) {
  const targets = [...new Set(props.threads.map((thread) => thread.root.target))];
  const open = props.threads.filter((thread) => !thread.root.resolved).length;
  return (
    <Paper withBorder p="md" component="section" aria-label="Comments on things no longer in this version">
      <Stack gap="sm">
        <Title order={3}>Comments on things no longer in this version</Title>
        <Text size="sm">
          {open === 0
            ? 'All resolved.'
            : `${String(open)} still open: resolve them (or reopen the discussion) here.`}{' '}
          What they were about was renamed or removed since the version they were made on.
        </Text>
        {targets.map((target) => (
          <Stack key={target} gap={4}>
            <Text size="sm" fw={600}>
              {capitalise(props.describe(target))}
            </Text>
            <ReviewCommentsFor
              taskId={props.taskId}
              target={target}
              where={props.describe(target)}
              editable
              allowNew={false}
              version={props.version}
            />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
