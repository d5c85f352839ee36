import { Anchor, Table } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { screenHref, useScreenPath } from '../../app/use-hash-route';
import { repositories } from '../../db';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';
import { ReviewWorkspace } from './ReviewWorkspace';

export function ReviewScreen() {
  const taskId = useScreenPath();
  const waiting = useLiveQuery(async () => repositories.review.waiting(), []);
  if (taskId) {
    return (
      <>
        <ScreenHeader title="Review" description="The deliverable beside its QC checklist." />
        <ReviewWorkspace taskId={taskId} />
      </>
    );
  }
  return (
    <>
      <ScreenHeader
        title="Review"
        description="Submissions waiting for your decision: the tasks that name you as their reviewer."
      />
      {waiting && waiting.length > 0 ? (
        <Table withTableBorder striped aria-label="Submissions waiting for review">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waiting.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Anchor href={screenHref('review', task.id)}>{task.title}</Anchor>
                </Table.Td>
                <Table.Td>{task.client}</Table.Td>
                <Table.Td>{task.version}</Table.Td>
                <Table.Td>{task.due ? new Date(task.due).toLocaleDateString() : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <EmptyState icon={IconChecklist} title="Nothing to review">
          When an analyst sends you a submission package, import it here. You will see the deliverable beside
          its QC checklist, comment item by item, and approve with your signature or request changes.
        </EmptyState>
      )}
    </>
  );
}
