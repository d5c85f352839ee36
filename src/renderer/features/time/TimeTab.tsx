import { ActionIcon, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isAnalystEditable } from '@core/workflow';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { TimeEntryRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { useReadableTextColor } from '../common/readable-color';
import { ReviewCommentsFor } from '../review/CommentThreads';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { formatMinutes } from './format-duration';
import { TimeEntryForm } from './TimeEntryForm';
import { TimerControl } from './TimerControl';

function EstimateProgress({ minutes, estimateHours }: { minutes: number; estimateHours: number }) {
  const readableText = useReadableTextColor();
  const estimate = estimateHours * 60;
  if (estimate <= 0) return <Text size="sm">{formatMinutes(minutes)} logged; the task has no estimate.</Text>;
  const over = minutes - estimate;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {formatMinutes(minutes)} of {formatMinutes(estimate)} estimated
        {over > 0 && (
          <Text span c={readableText('red')} fw={600}>
            {' '}
            — over the estimate by {formatMinutes(over)}
          </Text>
        )}
      </Text>
      <Progress
        aria-label="Time logged against the estimate"
        value={Math.min(100, (minutes / estimate) * 100)}
        color={over > 0 ? 'red' : 'blue'}
      />
    </Stack>
  );
}

function perDay(entries: readonly TimeEntryRecord[]): [string, number][] {
  const days = new Map<string, number>();
  for (const entry of entries) days.set(entry.date, (days.get(entry.date) ?? 0) + entry.minutes);
  return [...days.entries()].sort(([a], [b]) => b.localeCompare(a));
}

/** Time on this task: the timer, manual entries, totals per day and against the estimate. */
export function TimeTab({ task }: TaskTabProps) {
  const entries = useLiveQuery(async () => repositories.timeEntries.list(task.id), [task.id]);
  const [editingId, setEditingId] = useState<string>();
  const readOnly = !isAnalystEditable(task.state);
  if (!entries) return null;
  const total = entries.reduce((sum, e) => sum + e.minutes, 0);
  const editing = entries.find((e) => e.id === editingId);

  const remove = async (entry: TimeEntryRecord) => {
    try {
      await repositories.timeEntries.remove(entry.id);
    } catch (caught) {
      notifications.show({ color: 'red', title: 'The entry was not deleted', message: errorMessage(caught) });
    }
  };

  return (
    <Stack gap="lg">
      <TimerControl task={task} readOnly={readOnly} />
      <EstimateProgress minutes={total} estimateHours={task.estimateHours} />
      <ReviewCommentsFor taskId={task.id} target="section:Time" where={'report section "Time"'} />
      {!readOnly && (
        <Paper withBorder p="md" radius="md">
          {editing ? (
            <TimeEntryForm
              key={editing.id}
              taskId={task.id}
              editing={editing}
              onDone={() => {
                setEditingId(undefined);
              }}
            />
          ) : (
            <TimeEntryForm taskId={task.id} />
          )}
        </Paper>
      )}
      <Title order={3} size="h5">
        Per day
      </Title>
      <Table aria-label="Time per day">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Day</Table.Th>
            <Table.Th>Time</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {perDay(entries).map(([day, minutes]) => (
            <Table.Tr key={day}>
              <Table.Td>{day}</Table.Td>
              <Table.Td>{formatMinutes(minutes)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={600}>Task total</Table.Td>
            <Table.Td fw={600}>{formatMinutes(total)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5">
        Entries
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          No time logged yet.
        </Text>
      ) : (
        <Table aria-label="Time entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th>From</Table.Th>
              {!readOnly && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => {
              const name = `${entry.date}, ${formatMinutes(entry.minutes)}`;
              return (
                <Table.Tr key={entry.id}>
                  <Table.Td>{entry.date}</Table.Td>
                  <Table.Td>{formatMinutes(entry.minutes)}</Table.Td>
                  <Table.Td>{entry.note}</Table.Td>
                  <Table.Td>{entry.origin === 'timer' ? 'Timer' : 'Manual'}</Table.Td>
                  {!readOnly && (
                    <Table.Td>
                      <Group gap={4}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit entry ${name}`}
                          onClick={() => {
                            setEditingId(entry.id);
                          }}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete entry ${name}`}
                          onClick={() => {
                            void remove(entry);
                          }}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
