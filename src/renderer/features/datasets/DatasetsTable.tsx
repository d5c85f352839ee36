import { ActionIcon, Anchor, Badge, Menu, Stack, Table, Text } from '@mantine/core';
import { STATE_LABELS } from '@core/workflow';
import { IconDots, IconEye, IconFileReport, IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import type { DatasetRecord, DatasetUse } from '../../db';
import { formatBytes } from '../../app/format';
import { navigateTo, screenHref } from '../../app/use-hash-route';
import { lockOf } from './dataset-lock';
import { formatCount } from './format';

export type DatasetAction = 'report' | 'rename' | 'delete';

/** The tasks a dataset belongs to, each with its state, linked to the task. */
function TaskCell({ uses }: { uses: readonly DatasetUse[] }) {
  if (uses.length === 0)
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  return (
    <Stack gap={2}>
      {uses.map((use) => (
        <Text size="sm" key={`${use.taskId}:${use.path}`}>
          <Anchor href={screenHref('inbox', use.taskId)}>{use.title}</Anchor> · {STATE_LABELS[use.state]}
          {use.locked !== undefined && (
            <Badge
              ml={6}
              size="sm"
              variant="light"
              color="gray"
              leftSection={<IconLock size={12} aria-hidden />}
            >
              Read-only
            </Badge>
          )}
        </Text>
      ))}
    </Stack>
  );
}

export function DatasetsTable(props: {
  datasets: DatasetRecord[];
  /** The tasks using each dataset, by id (absent while loading). */
  uses: Record<string, DatasetUse[]> | undefined;
  onAction: (action: DatasetAction, dataset: DatasetRecord) => void;
}) {
  return (
    <Table striped withTableBorder highlightOnHover aria-label="Datasets" data-testid="datasets-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>File</Table.Th>
          <Table.Th ta="right">Rows</Table.Th>
          <Table.Th ta="right">Columns</Table.Th>
          <Table.Th ta="right">Size</Table.Th>
          <Table.Th>Imported</Table.Th>
          <Table.Th>Task</Table.Th>
          <Table.Th>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.datasets.map((dataset) => {
          const uses = props.uses?.[dataset.id];
          const locked = lockOf(uses);
          const lockId = `dataset-lock-${dataset.id}`;
          // Until the tasks are read, nothing is offered that a task might lock.
          const blocked = uses === undefined || locked !== undefined;
          return (
            <Table.Tr key={dataset.id} data-dataset-id={dataset.id}>
              <Table.Td>
                <Anchor href={screenHref('datasets', dataset.id)}>{dataset.name}</Anchor>
              </Table.Td>
              <Table.Td>{dataset.sourceFileName}</Table.Td>
              <Table.Td ta="right">{formatCount(dataset.rowCount)}</Table.Td>
              <Table.Td ta="right">{formatCount(dataset.columns.length)}</Table.Td>
              <Table.Td ta="right">{formatBytes(dataset.sizeBytes)}</Table.Td>
              <Table.Td>{new Date(dataset.createdAt).toLocaleString()}</Table.Td>
              <Table.Td>
                <TaskCell uses={uses ?? []} />
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" aria-label={`Actions for ${dataset.name}`}>
                      <IconDots size={18} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown maw={360}>
                    {locked !== undefined && (
                      <Menu.Label
                        id={lockId}
                        style={{ whiteSpace: 'normal' }}
                        data-testid="dataset-lock-reason"
                      >
                        {locked}
                      </Menu.Label>
                    )}
                    <Menu.Item
                      leftSection={<IconEye size={16} aria-hidden />}
                      onClick={() => {
                        navigateTo('datasets', dataset.id);
                      }}
                    >
                      Open
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconFileReport size={16} aria-hidden />}
                      onClick={() => {
                        props.onAction('report', dataset);
                      }}
                    >
                      Import report and options
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconPencil size={16} aria-hidden />}
                      disabled={blocked}
                      aria-describedby={locked !== undefined ? lockId : undefined}
                      onClick={() => {
                        props.onAction('rename', dataset);
                      }}
                    >
                      Rename
                    </Menu.Item>
                    <Menu.Item
                      color="red"
                      leftSection={<IconTrash size={16} aria-hidden />}
                      disabled={blocked}
                      aria-describedby={locked !== undefined ? lockId : undefined}
                      onClick={() => {
                        props.onAction('delete', dataset);
                      }}
                    >
                      Delete
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
