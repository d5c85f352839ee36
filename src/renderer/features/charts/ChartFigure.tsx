import type { ChartData, ChartSpec } from '@core/charts';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Chart } from '../../db';
import { errorMessage } from '../common/error-message';
import { ChartCanvas } from './ChartCanvas';
import { thinningNote } from './chart-config';
import { saveChartPng } from './save-chart-png';
import { useChartData } from './use-view-table';
import { BusyIndicator } from '../common/BusyIndicator';

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
  const data = shaped.status === 'ready' ? shaped.data : undefined;
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
        ) : shaped.status === 'loading' ? (
          <Group h={height ?? 320} justify="center">
            <BusyIndicator size="sm" label={`Loading ${title}`} />
          </Group>
        ) : shaped.status !== 'ready' ? (
          <Alert color="red" role="alert" title={`"${title}" cannot be drawn`}>
            {shaped.status === 'error'
              ? shaped.error
              : 'The saved view this chart is built from no longer exists.'}
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
        {data && thinningNote(data) && (
          <Text size="xs" c="dimmed" data-testid="chart-thinning-note">
            {thinningNote(data)}
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
