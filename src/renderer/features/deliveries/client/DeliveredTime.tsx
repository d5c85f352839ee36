import { Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { TimeEntries } from '@core/package';
import { formatMinutes, timeSummary } from '@core/deliverable';

/** One breakdown of the logged time ("Per person", "Per day") as a two-column table. */
function MinutesTable(props: {
  title: string;
  heading: string;
  rows: readonly { key: string; label: string; minutes: number }[];
}) {
  return (
    <Stack gap={4}>
      <Title order={4}>{props.title}</Title>
      <Table aria-label={`Time ${props.title.toLowerCase()}`} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{props.heading}</Table.Th>
            <Table.Th>Time</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td>{formatMinutes(row.minutes)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The time logged on a delivered task, per person and per day, against the task's estimate. */
export function DeliveredTime(props: {
  time: TimeEntries | null;
  estimateHours: number | null;
  nameOf: (keyId: string) => string;
}) {
  const entries = props.time?.entries ?? [];
  if (!props.time) return <Text c="dimmed">The deliverable carries no time entries.</Text>;
  const summary = timeSummary(props.time, props.estimateHours ?? 0);
  const { totalMinutes, estimateMinutes, overEstimateMinutes } = summary;
  const comparison =
    estimateMinutes <= 0
      ? 'The task had no estimate.'
      : overEstimateMinutes > 0
        ? `${formatMinutes(overEstimateMinutes)} over the estimate.`
        : overEstimateMinutes < 0
          ? `${formatMinutes(-overEstimateMinutes)} under the estimate.`
          : 'Exactly the estimate.';
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text data-testid="time-total">
          {formatMinutes(totalMinutes)} logged
          {estimateMinutes > 0 ? ` against an estimate of ${formatMinutes(estimateMinutes)}` : ''}.{' '}
          {comparison}
        </Text>
        {estimateMinutes > 0 && (
          <Progress
            aria-label="Time logged against the estimate"
            value={Math.min(100, (totalMinutes / estimateMinutes) * 100)}
            color={overEstimateMinutes > 0 ? 'red' : 'blue'}
          />
        )}
      </Stack>
      {entries.length > 0 && (
        <Group align="flex-start" gap="xl">
          <MinutesTable
            title="Per person"
            heading="Person"
            rows={summary.perPerson.map((row) => ({
              key: row.person,
              label: props.nameOf(row.person),
              minutes: row.minutes,
            }))}
          />
          <MinutesTable
            title="Per day"
            heading="Day"
            rows={summary.perDay.map((row) => ({ key: row.date, label: row.date, minutes: row.minutes }))}
          />
        </Group>
      )}
      {entries.length > 0 && (
        <Stack gap={4}>
          <Title order={4}>Entries</Title>
          <Table aria-label="Time entries" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th>Person</Table.Th>
                <Table.Th>Activity</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>Time</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...entries]
                .sort((a, b) => a.date.localeCompare(b.date))
                .map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{entry.date}</Table.Td>
                    <Table.Td>{props.nameOf(entry.person)}</Table.Td>
                    <Table.Td>{entry.activity}</Table.Td>
                    <Table.Td>{entry.note ?? ''}</Table.Td>
                    <Table.Td>{formatMinutes(entry.minutes)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
