import { Anchor, Badge, Table } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { STATE_LABELS } from '@core/workflow';
import { useLiveQuery } from 'dexie-react-hooks';
import { screenHref, useScreenPath } from '../../app/use-hash-route';
import { repositories } from '../../db';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';
import { DeliveriesDashboard } from './DeliveriesDashboard';
import { TaskDelivery } from './TaskDelivery';

const DELIVERED = new Set(['delivered', 'accepted', 'rejected']);

export function DeliveriesScreen() {
  const taskId = useScreenPath();
  const tasks = useLiveQuery(
    async () => (await repositories.tasks.list()).filter((t) => DELIVERED.has(t.state)),
    [],
  );
  if (taskId) return <TaskDelivery taskId={taskId} />;
  return (
    <>
      <ScreenHeader
        title="Deliveries"
        description="Signed deliverables, their verification and acceptance, and how delivery is going."
      />
      {tasks && tasks.length > 0 ? (
        <Table withTableBorder striped aria-label="Deliverables" mb="xl">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Anchor href={screenHref('deliveries', task.id)}>{task.title}</Anchor>
                </Table.Td>
                <Table.Td>{task.client}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{STATE_LABELS[task.state]}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <EmptyState icon={IconTruckDelivery} title="No deliveries yet">
          Approved deliverables and the ones clients send back accepted or rejected are listed here, with who
          signed them and whether the package is intact. Import a deliverable package (.kpo) to check and read
          it.
        </EmptyState>
      )}
      <DeliveriesDashboard />
    </>
  );
}
