import { Alert, Group, List, Stack, Text } from '@mantine/core';
import { effectiveResult, isAnalystEditable } from '@core/workflow';
import { useLiveQuery } from 'dexie-react-hooks';
import type { QcOverview } from '../../db';
import { repositories } from '../../db';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { ReviewCommentsFor } from '../review/CommentThreads';
import { ReviewerVerdict } from '../review/ReviewerVerdict';
import { QcItemCard } from './QcItemCard';
import { useReadableTextColor } from '../common/readable-color';

function summarise(overview: QcOverview) {
  const counts = { pass: 0, fail: 0, 'not-applicable': 0, open: 0, failingCritical: 0 };
  for (const item of overview.items) {
    const state = effectiveResult(item, overview.results[item.id], overview.automatic);
    counts[state] += 1;
    if (item.severity === 'critical' && state === 'fail') counts.failingCritical += 1;
  }
  return counts;
}

/** The analyst's QC checklist: each item's result, automatic checks' computed state, and whether work can leave. */
export function QcTab({ task }: TaskTabProps) {
  const overview = useLiveQuery(async () => repositories.qc.overview(task.id), [task]);
  const readableText = useReadableTextColor();
  const evidenceOptions = useLiveQuery(async () => repositories.qc.evidenceOptions(task.id), [task]);
  if (!overview) return null;
  if (overview.items.length === 0) {
    return <Text c="dimmed">This task has no QC checklist.</Text>;
  }
  const readOnly = !isAnalystEditable(task.state);
  const counts = summarise(overview);

  return (
    <Stack gap="md">
      <Group gap="lg" aria-label="QC summary" role="status">
        <Text size="sm">{counts.pass} passed</Text>
        <Text size="sm">{counts.fail} failing</Text>
        <Text
          size="sm"
          c={counts.failingCritical > 0 ? readableText('red') : undefined}
          fw={counts.failingCritical > 0 ? 600 : undefined}
        >
          {counts.failingCritical} failing critical
        </Text>
        <Text size="sm">{counts['not-applicable']} not applicable</Text>
        <Text size="sm">{counts.open} open</Text>
      </Group>
      {overview.verdict.canSubmit ? (
        <Alert color={'green'} title="Ready to submit">
          Every item has a result and every critical item passes or is justified.
        </Alert>
      ) : (
        <Alert color={'orange'} title="Not ready to submit">
          <List size="sm" aria-label="What blocks submission">
            {overview.verdict.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ReviewCommentsFor
        taskId={task.id}
        target="section:Quality control"
        where={'report section "Quality control"'}
      />
      {readOnly && (
        <Text size="sm" c="dimmed">
          The checklist is read-only: the task is not being worked on.
        </Text>
      )}
      {overview.items.map((item, index) => (
        <Stack key={item.id} gap="xs">
          <QcItemCard
            taskId={task.id}
            item={item}
            number={index + 1}
            result={overview.results[item.id]}
            automatic={item.automaticCheck ? overview.automatic[item.automaticCheck] : undefined}
            evidenceOptions={evidenceOptions ?? []}
            readOnly={readOnly}
          />
          <ReviewerVerdict taskId={task.id} itemId={item.id} itemText={item.text} />
          <ReviewCommentsFor taskId={task.id} target={`qc:${item.id}`} where={item.text} />
        </Stack>
      ))}
    </Stack>
  );
}
