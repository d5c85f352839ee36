import { ActionIcon, Anchor, Menu, Table } from '@mantine/core';
import { IconDots, IconEye, IconFileReport, IconPencil, IconTrash } from '@tabler/icons-react';
import type { DatasetRecord } from '../../db';
import { formatBytes } from '../../app/format';
import { navigateTo, screenHref } from '../../app/use-hash-route';
import { formatCount } from './format';

export type DatasetAction = 'report' | 'rename' | 'delete';

export function DatasetsTable(props: {
  datasets: DatasetRecord[];
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
          <Table.Th>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.datasets.map((dataset) => (
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
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" aria-label={`Actions for ${dataset.name}`}>
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
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
                    onClick={() => {
                      props.onAction('rename', dataset);
                    }}
                  >
                    Rename
                  </Menu.Item>
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
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
        ))}
      </Table.Tbody>
    </Table>
  );
}
