import type { ChartSpec, ChartSpecInput } from '@core/charts';
import {
  CHART_TYPE_LABELS,
  CHART_TYPES,
  ChartSpecSchema,
  chartSpecProblem,
  SERIES_PALETTES,
} from '@core/charts';
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { Chart, TaskRecord } from '../../db';
import { repositories, UserInputError } from '../../db';
import { errorMessage } from '../common/error-message';
import { ChartCanvas } from './ChartCanvas';
import { colourRepeatWarning } from './chart-config';
import { useTaskViews } from './use-task-views';
import { useChartData, useViewTable } from './use-view-table';
import { BusyIndicator } from '../common/BusyIndicator';

type Draft = Omit<ChartSpecInput, 'viewId'> & { viewId: string };

const EMPTY: Draft = {
  viewId: '',
  type: 'bar',
  x: '',
  y: [],
  title: '',
  xLabel: '',
  yLabel: '',
  caption: '',
  sourceNote: '',
};

/** Creates a chart (no `chart`) or edits one, with a live preview over the view's current data. */
export function ChartEditorModal({
  task,
  chart,
  onClose,
}: {
  task: TaskRecord;
  chart?: Chart;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(chart?.spec ?? { ...EMPTY, viewId: chart?.viewId ?? '' });
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [saving, setSaving] = useState(false);
  const views = useTaskViews(task);
  // Only the view's columns here: the preview's numbers are shaped in the query worker from every row.
  const table = useViewTable(draft.viewId || undefined, 0);
  const columns = table.status === 'ready' ? [...table.table.columns] : [];
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(undefined);
  };

  const parsed = ChartSpecSchema.safeParse(draft);
  const spec: ChartSpec | undefined = parsed.success ? parsed.data : undefined;
  const shaped = useChartData(spec);
  const preview =
    shaped.status === 'ready'
      ? { data: shaped.data }
      : shaped.status === 'error'
        ? { error: shaped.error }
        : undefined;

  const repeatWarning =
    spec && preview?.data ? colourRepeatWarning(spec, preview.data, SERIES_PALETTES.light.length) : undefined;

  const chooseView = (viewId: string | null) => {
    const chosen = views?.find((v) => v.view.id === viewId);
    set({
      viewId: viewId ?? '',
      x: '',
      y: [],
      series: undefined,
      ...(chosen && !draft.sourceNote
        ? { sourceNote: `${chosen.datasetName}, saved view "${chosen.view.name}"` }
        : {}),
    });
  };

  const save = async () => {
    const problem = chartSpecProblem(draft);
    if (problem) {
      const field = parsed.success ? undefined : String(parsed.error.issues[0]?.path[0] ?? '');
      setError({ message: problem, field });
      return;
    }
    setSaving(true);
    try {
      if (chart) await repositories.charts.update(chart.id, draft);
      else await repositories.charts.create(task.id, draft);
      onClose();
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        field: caught instanceof UserInputError ? caught.field : undefined,
      });
      setSaving(false);
    }
  };

  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const partOfWhole = draft.type === 'pie' || draft.type === 'doughnut';
  const histogram = draft.type === 'histogram';

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={chart ? 'Edit chart' : 'New chart'}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          {views !== undefined && views.length === 0 && (
            <Alert color="yellow">
              Charts are built from saved views. Open one of this task&apos;s datasets, build a view and save
              it first.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Saved view"
              placeholder="Choose a view"
              required
              data={(views ?? []).map((v) => ({
                value: v.view.id,
                label: `${v.view.name} (${v.datasetName})`,
              }))}
              value={draft.viewId || null}
              onChange={chooseView}
              error={fieldError('viewId')}
              searchable
            />
            <Select
              label="Chart type"
              required
              allowDeselect={false}
              data={CHART_TYPES.map((t) => ({ value: t, label: CHART_TYPE_LABELS[t] }))}
              value={draft.type}
              onChange={(value) => {
                const type = value ?? 'bar';
                const single = type === 'pie' || type === 'doughnut';
                set({
                  type,
                  y: single ? (draft.y ?? []).slice(0, 1) : draft.y,
                  ...(single || type === 'histogram' ? { series: undefined } : {}),
                });
              }}
            />
            <Select
              label={
                histogram ? 'Column to count' : draft.type === 'scatter' ? 'X values' : 'Categories (x axis)'
              }
              required
              data={columns}
              value={draft.x || null}
              onChange={(value) => {
                set({ x: value ?? '' });
              }}
              error={fieldError('x')}
              disabled={columns.length === 0}
            />
            {histogram ? (
              <NumberInput
                label="Bins"
                min={2}
                max={200}
                value={draft.bins ?? 20}
                onChange={(value) => {
                  set({ bins: typeof value === 'number' ? value : undefined });
                }}
                error={fieldError('bins')}
              />
            ) : (
              <MultiSelect
                label="Value columns"
                required
                searchable
                data={columns}
                value={draft.y ?? []}
                maxValues={partOfWhole || draft.series ? 1 : undefined}
                onChange={(value) => {
                  set({ y: value });
                }}
                error={fieldError('y')}
                disabled={columns.length === 0}
              />
            )}
            {!histogram && !partOfWhole && (
              <Select
                label="Split into series by"
                description="Optional: one series per value of this column"
                clearable
                data={columns.filter((c) => c !== draft.x)}
                value={draft.series ?? null}
                onChange={(value) => {
                  set({ series: value ?? undefined });
                }}
                error={fieldError('series')}
                disabled={columns.length === 0}
              />
            )}
          </SimpleGrid>
          <TextInput
            label="Title"
            required
            value={draft.title}
            onChange={(e) => {
              set({ title: e.currentTarget.value });
            }}
            error={fieldError('title')}
          />
          {!partOfWhole && (
            <SimpleGrid cols={2}>
              <TextInput
                label="X-axis label"
                placeholder="e.g. Region"
                value={draft.xLabel ?? ''}
                onChange={(e) => {
                  set({ xLabel: e.currentTarget.value });
                }}
              />
              <TextInput
                label="Y-axis label"
                placeholder="with units, e.g. Revenue (EUR)"
                value={draft.yLabel ?? ''}
                onChange={(e) => {
                  set({ yLabel: e.currentTarget.value });
                }}
              />
            </SimpleGrid>
          )}
          <Textarea
            label="Caption"
            description="What the reader should see in this chart"
            autosize
            minRows={2}
            value={draft.caption ?? ''}
            onChange={(e) => {
              set({ caption: e.currentTarget.value });
            }}
            error={fieldError('caption')}
          />
          <TextInput
            label="Source note"
            value={draft.sourceNote ?? ''}
            onChange={(e) => {
              set({ sourceNote: e.currentTarget.value });
            }}
            error={fieldError('sourceNote')}
          />
          <Stack gap={4} aria-label="Preview" role="group">
            <Text size="sm" fw={500}>
              Preview
            </Text>
            {draft.viewId === '' ? (
              <Text c="dimmed" size="sm">
                Choose a saved view to see the chart.
              </Text>
            ) : table.status === 'loading' ? (
              <BusyIndicator size="sm" label="Loading the view" />
            ) : table.status === 'error' || table.status === 'missing' ? (
              <Alert color="red" role="alert">
                {table.status === 'error' ? table.error : 'That saved view no longer exists.'}
              </Alert>
            ) : spec && shaped.status === 'loading' ? (
              <BusyIndicator size="sm" label="Drawing the preview" />
            ) : preview?.data && spec ? (
              <>
                <ChartCanvas spec={spec} data={preview.data} height={260} />
                {repeatWarning && (
                  <Text size="sm" c="dimmed" data-testid="colour-repeat-warning">
                    {repeatWarning}
                  </Text>
                )}
              </>
            ) : (
              <Text c="dimmed" size="sm">
                {preview?.error ?? chartSpecProblem(draft) ?? ''}
              </Text>
            )}
          </Stack>
          {error && !error.field && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {chart ? 'Save chart' : 'Create chart'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
