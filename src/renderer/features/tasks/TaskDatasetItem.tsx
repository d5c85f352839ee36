import { Anchor, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { formatBytes } from '../../app/format';
import { screenHref } from '../../app/use-hash-route';
import type { TaskDatasetRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { useDatasetImports } from '../datasets/import-queue';
import { ReviewCommentsFor } from '../review/CommentThreads';
import { reimportTaskDataset } from './task-datasets';
import { notify } from './notify';

/**
 * One CSV of a task and where its columnar copy stands: ready (a link to the viewer, and its saved
 * views), importing (progress), or not imported (with a way to import the kept bytes again).
 */
export function TaskDatasetItem(props: {
  taskId: string;
  dataset: TaskDatasetRecord;
  showViews?: boolean;
  actions?: ReactNode;
}) {
  const { taskId, dataset } = props;
  const datasetId = dataset.datasetId ?? '';
  const stored = useLiveQuery(
    async () => (datasetId ? ((await repositories.datasets.get(datasetId)) ?? null) : null),
    [datasetId],
  );
  const views = useLiveQuery(
    async () =>
      props.showViews && stored?.status === 'ready' ? repositories.savedViews.list(datasetId) : [],
    [datasetId, props.showViews, stored?.status],
  );
  const job = useDatasetImports().find((j) => j.datasetId === datasetId && datasetId !== '');
  const importing = job !== undefined && job.state !== 'done';
  const failed = job?.outcome?.status === 'failed' ? job.outcome.message : undefined;

  let status: ReactNode;
  if (stored?.status === 'ready') {
    status = (
      <Text size="sm" c="dimmed" data-testid="dataset-status">
        Ready · {stored.rowCount.toLocaleString()} rows · {stored.columns.length} columns
      </Text>
    );
  } else if (importing || stored?.status === 'pending') {
    const progress = job?.progress;
    const percent =
      progress && progress.totalBytes > 0 ? (progress.bytesRead / progress.totalBytes) * 100 : 0;
    status = (
      <Stack gap={4}>
        <Text size="sm" data-testid="dataset-status" aria-live="polite">
          Importing…
        </Text>
        <Progress value={percent} animated aria-label={`Import progress for ${dataset.name}`} />
      </Stack>
    );
  } else if (stored === undefined) {
    status = null;
  } else {
    status = (
      <Group gap="xs">
        <Text size="sm" data-testid="dataset-status">
          {failed ? `Not imported: ${failed}` : 'Not imported on this computer.'}
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => {
            reimportTaskDataset(taskId, dataset).catch((caught: unknown) => {
              notify('red', errorMessage(caught), `Could not import ${dataset.path}`);
            });
          }}
        >
          Import {dataset.name} again
        </Button>
      </Group>
    );
  }

  return (
    <Stack gap={4} component="li" aria-label={dataset.name} data-testid="task-dataset">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          {stored?.status === 'ready' ? (
            <Anchor href={screenHref('datasets', datasetId)} fw={600}>
              {dataset.name}
            </Anchor>
          ) : (
            <Text fw={600}>{dataset.name}</Text>
          )}
          <Text size="xs" c="dimmed">
            {dataset.path} · {formatBytes(dataset.bytes)} · SHA-256 {dataset.sha256.slice(0, 12)}…
          </Text>
        </Stack>
        {props.actions}
      </Group>
      {status}
      {views && views.length > 0 && (
        <List size="sm" aria-label={`Saved views of ${dataset.name}`}>
          {views.map((view) => (
            <List.Item key={view.id}>
              {/* The viewer lists saved views by name; it has no deep link to one view yet. */}
              <Anchor href={screenHref('datasets', datasetId)}>{view.name}</Anchor>
              {/* A saved view is what the deliverable delivers as a table; comments on it show here. */}
              <ReviewCommentsFor taskId={taskId} target={`table:${view.id}`} where={`table "${view.name}"`} />
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
