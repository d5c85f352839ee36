import { Button, Group, Stack, Text } from '@mantine/core';
import { isAnalystEditable } from '@core/workflow';
import { IconChartBar, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Chart } from '../../db';
import { repositories } from '../../db';
import { ConfirmDeleteModal } from '../common/ConfirmDeleteModal';
import { EmptyState } from '../common/EmptyState';
import { describeReviewTarget, sectionTarget } from '@core/review';
import { ReviewCommentsFor } from '../review/CommentThreads';
import { chartTexts } from '../submission/deliverable-content';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { ChartEditorModal } from './ChartEditorModal';
import { ChartFigure } from './ChartFigure';

type Dialog = { kind: 'new' } | { kind: 'edit'; chart: Chart } | { kind: 'delete'; chart: Chart };

/** The chart's title as the report heads it, where comments on its report section are keyed. */
const reportTitle = (chart: Chart, index: number): string =>
  chartTexts({ ...chart, spec: chart.spec ?? null }, index).title;

export function ChartsTab({ task }: TaskTabProps) {
  const charts = useLiveQuery(async () => repositories.charts.list(task.id), [task.id]);
  const [dialog, setDialog] = useState<Dialog>();
  const editable = isAnalystEditable(task.state);
  if (charts === undefined) return null;

  const newButton = editable && (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => {
        setDialog({ kind: 'new' });
      }}
    >
      New chart
    </Button>
  );

  return (
    <Stack>
      {charts.length === 0 ? (
        <EmptyState icon={IconChartBar} title="No charts yet" action={newButton}>
          {editable
            ? 'Build a chart from a saved view of one of the task’s datasets. It is redrawn from the data every time.'
            : 'No charts were made for this task.'}
        </EmptyState>
      ) : (
        <>
          <Group justify="space-between">
            <Text c="dimmed" size="sm">
              {charts.length === 1 ? '1 chart' : `${charts.length} charts`}, redrawn from their saved views.
            </Text>
            {newButton}
          </Group>
          <ReviewCommentsFor taskId={task.id} target="section:Charts" where={'report section "Charts"'} />
          {charts.map((chart, index) => (
            <Stack key={chart.id} gap="xs">
              <ChartFigure
                chart={chart}
                actions={
                  editable && (
                    <>
                      {chart.spec && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            setDialog({ kind: 'edit', chart });
                          }}
                        >
                          Edit
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          setDialog({ kind: 'delete', chart });
                        }}
                      >
                        Delete
                      </Button>
                    </>
                  )
                }
              />
              <ReviewCommentsFor
                taskId={task.id}
                target={`chart:${chart.id}`}
                where={`chart "${reportTitle(chart, index)}"`}
              />
              <ReviewCommentsFor
                taskId={task.id}
                target={sectionTarget(reportTitle(chart, index))}
                where={describeReviewTarget(sectionTarget(reportTitle(chart, index)))}
                sameHeading
              />
            </Stack>
          ))}
        </>
      )}
      {dialog?.kind === 'new' && (
        <ChartEditorModal
          task={task}
          onClose={() => {
            setDialog(undefined);
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ChartEditorModal
          task={task}
          chart={dialog.chart}
          onClose={() => {
            setDialog(undefined);
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDeleteModal
          title={`Delete "${dialog.chart.spec?.title ?? 'chart'}"?`}
          confirmLabel="Delete chart"
          onConfirm={async () => repositories.charts.remove(dialog.chart.id)}
          onClose={() => {
            setDialog(undefined);
          }}
        >
          A chart that a finding, an answer or a QC item cites is kept until those citations are removed.
        </ConfirmDeleteModal>
      )}
    </Stack>
  );
}
