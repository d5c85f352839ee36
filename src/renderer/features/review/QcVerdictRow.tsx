import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Checklist } from '@core/package';
import type { QcVerdictRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { ReviewCommentsFor } from './CommentThreads';

type Item = Checklist['items'][number];

function verdictStatus(
  saved: QcVerdictRecord | undefined,
  choice: QcVerdictRecord['verdict'] | null,
  comment: string,
): string {
  if (choice === null) return 'No verdict yet: choose Agree or Disagree, then save.';
  if (!saved) return 'Not saved yet.';
  if (saved.verdict !== choice || saved.comment !== comment.trim()) return 'Changed, not saved yet.';
  return `Verdict saved: ${saved.verdict}`;
}

/** One QC item: the analyst's result beside the reviewer's verdict, and its comment thread. */
export function QcVerdictRow(props: {
  taskId: string;
  version: number;
  item: Item;
  verdict?: QcVerdictRecord;
  /** False once the review is closed or for anyone but the named reviewer: verdicts show read-only. */
  editable?: boolean;
}) {
  const { item, verdict } = props;
  const editable = props.editable ?? true;
  // Nothing is preselected: an item nobody has judged must not look as if it had been agreed with.
  const [choice, setChoice] = useState<QcVerdictRecord['verdict'] | null>(verdict?.verdict ?? null);
  const [comment, setComment] = useState(verdict?.comment ?? '');
  const [error, setError] = useState<string>();
  const save = async () => {
    if (choice === null) return;
    try {
      await repositories.review.setVerdict(props.taskId, props.version, item.id, choice, comment);
      setError(undefined);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Stack gap={6} component="section" aria-label={`QC item ${item.text}`}>
      <Text fw={600}>
        {item.text}{' '}
        <Text span size="sm">
          ({item.severity})
        </Text>
      </Text>
      <Text size="sm">
        Analyst: {item.result}
        {item.comment ? `, "${item.comment}"` : ''}
        {item.justification ? `; justification: ${item.justification}` : ''}
      </Text>
      {editable && (
        <Group align="flex-end" gap="xs">
          <SegmentedControl
            aria-label={`Verdict on ${item.text}`}
            value={choice ?? ''}
            onChange={(value) => {
              setChoice(value === 'disagree' ? 'disagree' : 'agree');
            }}
            data={[
              { value: 'agree', label: 'Agree' },
              { value: 'disagree', label: 'Disagree' },
            ]}
          />
          <TextInput
            label={`Verdict comment on ${item.text}`}
            value={comment}
            error={error}
            style={{ flex: 1 }}
            onChange={(event) => {
              setComment(event.currentTarget.value);
            }}
          />
          <Button size="xs" disabled={choice === null} onClick={() => void save()}>
            Save verdict
          </Button>
        </Group>
      )}
      <Text size="xs" data-testid="verdict-status">
        {editable
          ? verdictStatus(verdict, choice, comment)
          : verdict
            ? `Verdict: ${verdict.verdict}${verdict.comment ? `, "${verdict.comment}"` : ''}`
            : 'No verdict'}
      </Text>
      <ReviewCommentsFor
        taskId={props.taskId}
        target={`qc:${item.id}`}
        where={item.text}
        editable={editable}
        version={props.version}
      />
    </Stack>
  );
}
