import type { ChartData, ChartSpec } from '@core/charts';
import { shapeChartData } from '@core/charts';
import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { Chart } from '../../db';
import { errorMessage } from '../common/error-message';
import { ChartCanvas } from './ChartCanvas';
import { saveChartPng } from './save-chart-png';
import { useViewTable } from './use-view-table';

type Shaped = { data: ChartData; error?: undefined } | { data?: undefined; error: string };

/** The chart's data shaped from its view's current result, or why it cannot be. */
export function useChartData(spec: ChartSpec | undefined): { loading: true } | ({ loading: false } & Shaped) {
  const state = useViewTable(spec?.viewId);
  // Keyed by content: the live query hands over a new but equal spec whenever anything is saved.
  const specKey = spec ? JSON.stringify(spec) : '';
  const shaped = useMemo((): Shaped | undefined => {
    if (specKey === '') return undefined;
    const current = JSON.parse(specKey) as ChartSpec;
    if (state.status === 'missing')
      return { error: 'The saved view this chart is built from no longer exists.' };
    if (state.status === 'error') return { error: state.error };
    if (state.status !== 'ready') return undefined;
    try {
      return { data: shapeChartData(current, state.table) };
    } catch (caught) {
      return { error: errorMessage(caught) };
    }
  }, [specKey, state]);
  return shaped ? { loading: false, ...shaped } : { loading: true };
}

/** A chart with its caption and source note, re-drawn from the data each time it is shown. */
export function ChartFigure({
  chart,
  actions,
  height,
}: {
  chart: Chart;
  actions?: ReactNode;
  height?: number;
}) {
  const shaped = useChartData(chart.spec);
  const title = chart.spec?.title ?? 'Chart';
  const spec = chart.spec;
  const data = shaped.loading ? undefined : shaped.data;
  const save = async (spec: ChartSpec, data: ChartData) => {
    try {
      if (await saveChartPng(spec, data))
        notifications.show({ color: 'green', message: `Saved "${spec.title}" as PNG.` });
    } catch (caught) {
      notifications.show({
        color: 'red',
        message: `Could not save "${spec.title}" as PNG: ${errorMessage(caught)}`,
      });
    }
  };
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-label={title} data-testid="chart-figure">
      <Stack gap="xs">
        {chart.problem !== undefined ? (
          <Alert color="red" role="alert" title="This chart cannot be shown">
            {chart.problem}
          </Alert>
        ) : shaped.loading ? (
          <Group h={height ?? 320} justify="center">
            <Loader size="sm" aria-label={`Loading ${title}`} />
          </Group>
        ) : shaped.error !== undefined ? (
          <Alert color="red" role="alert" title={`"${title}" cannot be drawn`}>
            {shaped.error}
          </Alert>
        ) : (
          <ChartCanvas spec={chart.spec} data={shaped.data} height={height} />
        )}
        <Text component="figcaption" size="sm">
          {chart.spec?.caption || (
            <Text span c="dimmed">
              No caption yet.
            </Text>
          )}
          {chart.spec?.sourceNote ? (
            <Text span c="dimmed" size="sm" display="block">
              Source: {chart.spec.sourceNote}
            </Text>
          ) : null}
        </Text>
        {!shaped.loading && shaped.data && shaped.data.thinnedFrom > 0 && (
          <Text size="xs" c="dimmed">
            Drawn from {shaped.data.thinnedFrom.toLocaleString('en-US')} points thinned to keep their shape.
          </Text>
        )}
        <Group gap="xs">
          {spec && data && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} />}
              onClick={() => {
                void save(spec, data);
              }}
            >
              Save as PNG
            </Button>
          )}
          {actions}
        </Group>
      </Stack>
    </Paper>
  );
}
