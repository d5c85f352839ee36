import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeReviewTarget, parseReviewTarget, reviewThreads } from '@core/review';
import type { ReviewCommentRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';

function CommentForm(props: {
  label: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<void>;
}) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const submit = async () => {
    try {
      await props.onSubmit(body);
      setBody('');
      setError(undefined);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Group align="flex-end" gap="xs">
      <Textarea
        label={props.label}
        value={body}
        error={error}
        autosize
        minRows={1}
        style={{ flex: 1 }}
        onChange={(event) => {
          setBody(event.currentTarget.value);
        }}
      />
      <Button size="xs" variant="default" onClick={() => void submit()}>
        {props.submitLabel}
      </Button>
    </Group>
  );
}

/** One comment thread. The reviewer resolves and replies; everyone else reads it. */
export function CommentThread(props: {
  root: ReviewCommentRecord;
  replies: readonly ReviewCommentRecord[];
  editable: boolean;
  /** The version a reply is made on. */
  version: number;
  /** What the thread is about, readable ("chart "Growth""). */
  where: string;
  /** Shows `where` above the comments, for lists that gather threads on many things. */
  showWhere?: boolean;
}) {
  const { root, replies, editable } = props;
  const [error, setError] = useState<string>();
  const toggle = async () => {
    try {
      await repositories.review.setResolved(root.id, !root.resolved);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Paper withBorder p="xs" role="article" aria-label={`Comment by ${root.author.name} on ${props.where}`}>
      <Stack gap={4}>
        {props.showWhere && (
          <Text size="sm" fw={600}>
            On {props.where}
          </Text>
        )}
        {[root, ...replies].map((comment) => (
          <Text size="sm" key={comment.id} pl={comment === root ? 0 : 'md'}>
            <strong>{comment.author.name}</strong> (v{comment.version},{' '}
            {new Date(comment.at).toLocaleString()}): {comment.body}
          </Text>
        ))}
        <Text size="xs" fw={600}>
          {root.resolved ? 'Resolved' : 'Open'}
        </Text>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        {editable && (
          <>
            <Button size="xs" variant="subtle" w="fit-content" onClick={() => void toggle()}>
              {root.resolved ? 'Reopen thread' : 'Resolve thread'}
            </Button>
            <CommentForm
              label={`Reply to ${root.author.name}`}
              submitLabel="Reply"
              onSubmit={async (body) => {
                await repositories.review.addComment({
                  taskId: root.taskId,
                  version: props.version,
                  target: root.target,
                  body,
                  parentId: root.id,
                });
              }}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The comment threads on one part of a task's deliverable. The reviewer adds, replies and resolves;
 * elsewhere (the analyst's workspace tabs) the same threads show read-only where they belong.
 */
export function ReviewCommentsFor(props: {
  taskId: string;
  /** `section:<heading>`, `answer:<n>`, `chart:<id>`, `table:<id>`, `qc:<itemId>` or `report`. */
  target: string;
  /** Human name of the target for labels, e.g. "Question 2". */
  where?: string;
  editable?: boolean;
  version?: number;
  /** Off where the target is gone from the version under review: its threads can be resolved, not added to. */
  allowNew?: boolean;
  /**
   * For a section target read-only elsewhere (a finding, a chart): also the threads on later
   * sections with the same heading, whose place cannot be told apart outside the report.
   */
  sameHeading?: boolean;
}) {
  const { taskId, target, sameHeading } = props;
  const comments = useLiveQuery(async () => {
    if (!sameHeading) return repositories.review.commentsFor(taskId, target);
    const wanted = parseReviewTarget(target);
    if (wanted.kind !== 'section') return repositories.review.commentsFor(taskId, target);
    return (await repositories.review.comments(taskId)).filter((comment) => {
      const parsed = parseReviewTarget(comment.target);
      return parsed.kind === 'section' && parsed.heading === wanted.heading;
    });
  }, [taskId, target, sameHeading]);
  const where = props.where ?? props.target;
  const editable = props.editable === true && props.version !== undefined;
  if (!comments) return null;
  const threads = reviewThreads(comments);
  const allowNew = editable && props.allowNew !== false;
  if (!allowNew && threads.length === 0) return null;
  return (
    <Stack gap="xs" aria-label={`Comments on ${where}`} role="group">
      {threads.map(({ root, replies }) => (
        <CommentThread
          key={root.id}
          root={root}
          replies={replies}
          editable={editable}
          version={props.version ?? root.version}
          where={root.target === target ? where : describeReviewTarget(root.target)}
          showWhere={root.target !== target}
        />
      ))}
      {allowNew && (
        <CommentForm
          label={`Comment on ${where}`}
          submitLabel="Add comment"
          onSubmit={async (body) => {
            await repositories.review.addComment({
              taskId: props.taskId,
              version: props.version ?? 1,
              target: props.target,
              body,
            });
          }}
        />
      )}
    </Stack>
  );
}
