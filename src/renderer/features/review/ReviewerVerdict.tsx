import { Paper, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../db';

/** The reviewer's latest verdict on one QC item, beside the item on the analyst's checklist. */
export function ReviewerVerdict({
  taskId,
  itemId,
  itemText,
}: {
  taskId: string;
  itemId: string;
  itemText: string;
}) {
  const verdict = useLiveQuery(
    async () =>
      (await repositories.review.verdictsOfTask(taskId))
        .filter((v) => v.itemId === itemId)
        .sort((a, b) => a.version - b.version)
        .at(-1) ?? null,
    [taskId, itemId],
  );
  if (!verdict) return null;
  const disagrees = verdict.verdict === 'disagree';
  return (
    <Paper
      withBorder
      p="xs"
      role="note"
      aria-label={`Reviewer's verdict on ${itemText}`}
      style={disagrees ? { borderColor: 'var(--mantine-color-orange-filled)' } : undefined}
    >
      <Text size="sm">
        <strong>Reviewer, version {verdict.version}:</strong>{' '}
        {disagrees ? 'disagrees with this result' : 'agrees with this result'}
        {verdict.comment ? `: “${verdict.comment}”` : '.'}
      </Text>
    </Paper>
  );
}
