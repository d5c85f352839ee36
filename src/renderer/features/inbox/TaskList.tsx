import {
  Anchor,
  Badge,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import type { TaskState } from '@core/workflow';
import { STATE_LABELS, TASK_STATES } from '@core/workflow';
import { IconArrowDown, IconArrowUp, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { navigateTo, screenHref } from '../../app/use-hash-route';
import { DueText } from '../tasks/DueText';
import type { TaskListFilter, TaskListRow, TaskListShow, TaskSortKey } from './task-list-filter';
import { DEFAULT_FILTER, filterTasks, formatMinutes } from './task-list-filter';

const SHOW: { value: TaskListShow; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'received', label: 'Received' },
  { value: 'drafts', label: 'Drafts' },
  { value: 'sent', label: 'Sent' },
];

function SortHeader(props: {
  label: string;
  sortKey: TaskSortKey;
  filter: TaskListFilter;
  onSort: (key: TaskSortKey) => void;
}) {
  const active = props.filter.sort === props.sortKey;
  const Arrow = props.filter.descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (props.filter.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        fw={700}
        fz="sm"
        onClick={() => {
          props.onSort(props.sortKey);
        }}
      >
        <Group gap={4} wrap="nowrap">
          {props.label}
          {active && <Arrow size={14} aria-hidden />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Tasks received and written here, with state, client, due countdown and time logged. */
export function TaskList({ rows }: { rows: readonly TaskListRow[] }) {
  const [filter, setFilter] = useState<TaskListFilter>(DEFAULT_FILTER);
  const set = (change: Partial<TaskListFilter>) => {
    setFilter((current) => ({ ...current, ...change }));
  };
  const clients = [...new Set(rows.map((r) => r.task.client).filter(Boolean))].sort();
  const shown = filterTasks(rows, filter);
  const onSort = (sort: TaskSortKey) => {
    set({ sort, descending: filter.sort === sort ? !filter.descending : false });
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <SegmentedControl
          aria-label="Show tasks"
          value={filter.show}
          data={SHOW}
          onChange={(value) => {
            set({ show: value });
          }}
        />
        <NativeSelect
          label="State"
          value={filter.state}
          data={[
            { value: '', label: 'Any state' },
            ...TASK_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] })),
          ]}
          onChange={(event) => {
            set({ state: event.currentTarget.value as TaskState | '' });
          }}
        />
        <NativeSelect
          label="Client"
          value={filter.client}
          data={[{ value: '', label: 'Any client' }, ...clients]}
          onChange={(event) => {
            set({ client: event.currentTarget.value });
          }}
        />
        <TextInput
          label="Search tasks"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter.text}
          onChange={(event) => {
            set({ text: event.currentTarget.value });
          }}
        />
      </Group>
      <Table striped withTableBorder highlightOnHover aria-label="Tasks" data-testid="tasks-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader label="Title" sortKey="title" filter={filter} onSort={onSort} />
            <SortHeader label="Client" sortKey="client" filter={filter} onSort={onSort} />
            <SortHeader label="State" sortKey="state" filter={filter} onSort={onSort} />
            <SortHeader label="Due" sortKey="due" filter={filter} onSort={onSort} />
            <Table.Th ta="right">Time logged</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map(({ task, minutesLogged }) => (
            <Table.Tr
              key={task.id}
              data-task-id={task.id}
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                navigateTo('inbox', task.id);
              }}
            >
              <Table.Td>
                <Anchor href={screenHref('inbox', task.id)}>{task.title || 'Untitled task'}</Anchor>
                <Text size="xs" c="dimmed">
                  {task.origin === 'received'
                    ? 'Received'
                    : task.state === 'draft'
                      ? 'Draft written here'
                      : 'Sent'}
                </Text>
              </Table.Td>
              <Table.Td>{task.client || '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light" data-testid="task-state">
                  {STATE_LABELS[task.state]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DueText task={task} />
              </Table.Td>
              <Table.Td ta="right">{formatMinutes(minutesLogged)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {shown.length === 0 && (
        <Text c="dimmed" size="sm">
          No tasks match these filters.
        </Text>
      )}
    </Stack>
  );
}
