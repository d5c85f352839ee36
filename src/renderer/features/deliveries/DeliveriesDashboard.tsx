import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TaskMetrics } from '@core/dashboard';
import { computeDashboard } from '@core/dashboard';
import { STATE_LABELS, TASK_STATES } from '@core/workflow';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { repositories } from '../../db';
import { ClientRates } from './ClientRates';
import { VersionHistory } from './VersionHistory';
import { WeeklyChart } from './WeeklyChart';

const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`);
const oneDecimal = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

const HANDED_OVER = new Set(['delivered', 'accepted', 'rejected']);

/** Where hours not logged here came from: the version whose time/entries.json carried them. */
function receivedFrom(task: TaskMetrics): string | null {
  const received = task.receivedHours;
  if (!received) return null;
  const which =
    received.version === null
      ? 'the delivered version'
      : `${HANDED_OVER.has(task.state) ? 'delivered' : 'submitted'} version ${String(received.version)}`;
  const all = Math.abs(received.hours - task.loggedHours) < 1e-9;
  return all ? `from ${which}` : `${received.hours.toFixed(1)} h from ${which}`;
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="xs">{label}</Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** How delivery is going: states, deadlines, turnaround, first-pass rate, review rounds, hours and billing. */
export function DeliveriesDashboard() {
  const input = useLiveQuery(async () => repositories.dashboard.input(), []);
  const metrics = useMemo(() => (input ? computeDashboard({ ...input, now: new Date() }) : null), [input]);
  const [historyOf, setHistoryOf] = useState<string>();
  if (!metrics || metrics.tasks.length === 0) return null;
  return (
    <Stack component="section" aria-label="Deliveries dashboard" mt="xl">
      <Title order={2}>Dashboard</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Due" value={String(metrics.due)} />
        <Stat label="Overdue" value={String(metrics.overdue)} />
        <Stat
          label="Delivered on time"
          value={`${String(metrics.deliveredOnTime)} of ${String(metrics.deliveredOnTime + metrics.deliveredLate)}`}
        />
        <Stat label="First-pass approval rate" value={percent(metrics.firstPassApprovalRate)} />
        <Stat
          label="Average turnaround, assignment to approval (days)"
          value={oneDecimal(
            metrics.averageTurnaroundHours === null ? null : metrics.averageTurnaroundHours / 24,
          )}
        />
        <Stat label="Average review rounds" value={oneDecimal(metrics.averageReviewRounds)} />
      </SimpleGrid>
      <Table withTableBorder aria-label="Tasks by state">
        <Table.Tbody>
          <Table.Tr>
            {TASK_STATES.map((state) => (
              <Table.Th key={state}>{STATE_LABELS[state]}</Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr>
            {TASK_STATES.map((state) => (
              <Table.Td key={state}>{metrics.byState[state]}</Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {metrics.weeks.length > 0 && <WeeklyChart weeks={metrics.weeks} />}
      <Title order={3}>Per task</Title>
      <Table withTableBorder striped aria-label="Hours and review per task">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Task</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Estimated h</Table.Th>
            <Table.Th>Logged h</Table.Th>
            <Table.Th>Review rounds</Table.Th>
            <Table.Th>Turnaround (days)</Table.Th>
            <Table.Th>On time</Table.Th>
            <Table.Th>History</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metrics.tasks.map((task) => (
            <Table.Tr key={task.taskId}>
              <Table.Td>{task.title || task.taskId}</Table.Td>
              <Table.Td>{STATE_LABELS[task.state]}</Table.Td>
              <Table.Td>{task.estimatedHours.toFixed(1)}</Table.Td>
              <Table.Td>
                {task.loggedHours.toFixed(1)}
                {receivedFrom(task) && (
                  <Text size="xs" data-testid="hours-source">
                    {receivedFrom(task)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{task.reviewRounds}</Table.Td>
              <Table.Td>
                {oneDecimal(task.turnaroundHours === null ? null : task.turnaroundHours / 24)}
              </Table.Td>
              <Table.Td>
                {task.deliveredOnTime === null ? '—' : task.deliveredOnTime ? 'Yes' : 'Late'}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={`${historyOf === task.taskId ? 'Hide' : 'Show'} history of ${task.title || task.taskId}`}
                  onClick={() => {
                    setHistoryOf(historyOf === task.taskId ? undefined : task.taskId);
                  }}
                >
                  {historyOf === task.taskId ? 'Hide history' : 'Show history'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {historyOf && (
        <Group align="flex-start">
          <VersionHistory taskId={historyOf} />
        </Group>
      )}
      <Title order={3}>Per client</Title>
      <ClientRates clients={metrics.clients} />
    </Stack>
  );
}
