import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
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

function Thread(props: {
  root: ReviewCommentRecord;
  replies: ReviewCommentRecord[];
  editable: boolean;
  version: number;
  where: string;
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
}) {
  const comments = useLiveQuery(
    async () => repositories.review.commentsFor(props.taskId, props.target),
    [props.taskId, props.target],
  );
  const where = props.where ?? props.target;
  const editable = props.editable === true && props.version !== undefined;
  if (!comments) return null;
  const ids = new Set(comments.map((c) => c.id));
  const roots = comments.filter((c) => c.parentId === undefined || !ids.has(c.parentId));
  if (!editable && roots.length === 0) return null;
  return (
    <Stack gap="xs" aria-label={`Comments on ${where}`} role="group">
      {roots.map((root) => (
        <Thread
          key={root.id}
          root={root}
          replies={comments.filter((c) => c.parentId === root.id)}
          editable={editable}
          version={props.version ?? root.version}
          where={where}
        />
      ))}
      {editable && (
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
