import { ActionIcon, Alert, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import type { ColumnProfile, ColumnSchema } from '@core/table';
import { encodingKindOf, formatCell } from '@core/table';
import { IconX } from '@tabler/icons-react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ViewColumn } from '../../../workers/query-engine';
import { errorMessage } from '../../common/error-message';
import type { QueryRemote } from './use-query-worker';
import { BusyIndicator } from '../../common/BusyIndicator';

// Only what a bar chart needs: tree-shaken Chart.js stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ProfilePanelProps {
  readonly remote: QueryRemote;
  readonly handle: number;
  readonly displayIndex: number;
  readonly column: ViewColumn;
  /** Set when the column is a source column, so a top value can become an equals filter. */
  readonly onFacet?: (value: string | boolean) => void;
  readonly onClose: () => void;
}

function formatStat(value: number | undefined, column: ColumnSchema): string {
  if (value === undefined || Number.isNaN(value)) return '';
  if (encodingKindOf(column.type) === 'time') return formatCell(value, column);
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumSignificantDigits: 6 });
}

function chartData(
  profile: ColumnProfile,
  column: ColumnSchema,
): { labels: string[]; counts: number[]; title: string } | undefined {
  if (profile.histogram) {
    const { edges, counts } = profile.histogram;
    const labels = counts.map(
      (_, i) => `${formatStat(edges[i], column)} – ${formatStat(edges[i + 1], column)}`,
    );
    return { labels, counts, title: `Histogram of ${column.name}` };
  }
  if (profile.topValues && profile.topValues.length > 0) {
    return {
      labels: profile.topValues.map((t) => String(t.value)),
      counts: profile.topValues.map((t) => t.count),
      title: `Most frequent values of ${column.name}`,
    };
  }
  return undefined;
}

function ProfileChart({ profile, column }: { profile: ColumnProfile; column: ColumnSchema }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const data = useMemo(() => chartData(profile, column), [profile, column]);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !data) return;
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{ label: 'rows', data: data.counts, backgroundColor: 'rgba(34, 139, 230, 0.7)' }],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: profile.histogram ? 'x' : 'y',
        scales: {
          x: { ticks: { maxRotation: 60, autoSkip: true, font: { size: 10 } } },
          y: { ticks: { font: { size: 10 } }, beginAtZero: true },
        },
        plugins: { tooltip: { enabled: true } },
      },
    });
    return () => {
      chart.destroy();
    };
  }, [data, profile.histogram]);
  if (!data) return null;
  return (
    <div style={{ position: 'relative', height: 200 }}>
      <canvas ref={canvasRef} role="img" aria-label={data.title} data-testid="profile-chart" />
    </div>
  );
}

/** Profile of one column of the current view: counts, summary statistics, top values (facets) and a chart. */
export function ProfilePanel(props: ProfilePanelProps) {
  const { remote, handle, displayIndex, column } = props;
  const [state, setState] = useState<{ profile?: ColumnProfile; error?: string; key: string }>();
  const key = `${handle}:${displayIndex}`;
  useEffect(() => {
    let cancelled = false;
    remote.profile(handle, displayIndex).then(
      (profile) => {
        if (!cancelled) setState({ profile, key });
      },
      (caught: unknown) => {
        if (!cancelled) setState({ error: errorMessage(caught), key });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [remote, handle, displayIndex, key]);

  const profile = state?.profile;
  const stats: [string, string][] = profile
    ? [
        ['Rows', profile.count.toLocaleString('en-US')],
        ['Missing', profile.missing.toLocaleString('en-US')],
        ['Distinct', profile.distinct.toLocaleString('en-US')],
        ...(profile.min !== undefined
          ? ([['Min', formatStat(profile.min, column)]] as [string, string][])
          : []),
        ...(profile.max !== undefined
          ? ([['Max', formatStat(profile.max, column)]] as [string, string][])
          : []),
        ...(profile.mean !== undefined
          ? ([
              ['Mean', formatStat(profile.mean, column)],
              ['Median', formatStat(profile.median, column)],
              ['Std. deviation', formatStat(profile.stdDev, column)],
              ['Quartiles', `${formatStat(profile.q1, column)} / ${formatStat(profile.q3, column)}`],
            ] as [string, string][])
          : []),
      ]
    : [];

  return (
    <Paper
      withBorder
      p="sm"
      w={320}
      component="aside"
      aria-label={`Profile of ${column.name}`}
      data-testid="profile-panel"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h5">
            {column.name}{' '}
            <Text span c="dimmed" size="sm">
              {column.type}
            </Text>
          </Title>
          <ActionIcon variant="subtle" color="gray" aria-label="Close profile" onClick={props.onClose}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
        {state?.error && <Alert color="red">{state.error}</Alert>}
        {(!state || state.key !== key) && !state?.error && <BusyIndicator size="sm" label="Profiling" />}
        {profile && (
          <>
            <Table withRowBorders={false} verticalSpacing={2} fz="sm" data-testid="profile-stats">
              <Table.Tbody>
                {stats.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th scope="row" fw={500}>
                      {label}
                    </Table.Th>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {value}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ProfileChart profile={profile} column={column} />
            {profile.topValues && profile.topValues.length > 0 && (
              <Stack gap={2} data-testid="top-values">
                <Text size="sm" fw={600}>
                  Top values{props.onFacet ? ' (click to filter)' : ''}
                </Text>
                {profile.topValues.map((top) => (
                  <UnstyledButton
                    key={String(top.value)}
                    disabled={!props.onFacet}
                    aria-label={`${String(top.value)}: ${top.count} rows${props.onFacet ? ', filter to this value' : ''}`}
                    onClick={() => props.onFacet?.(top.value)}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" truncate>
                        {String(top.value)}
                      </Text>
                      <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {top.count.toLocaleString('en-US')}
                      </Text>
                    </Group>
                  </UnstyledButton>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
