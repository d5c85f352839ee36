import { Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { saveSubmissionAgain } from './export-submission';

/** Every version submitted from here, with its digest and its package to save again. */
export function SubmissionHistory({ taskId }: { taskId: string }) {
  const versions = useLiveQuery(async () => repositories.submissions.listForTask(taskId), [taskId]);
  const [saving, setSaving] = useState<string | null>(null);
  if (!versions || versions.length === 0) return null;
  const saveAgain = (packageId: string) => {
    setSaving(packageId);
    saveSubmissionAgain(packageId)
      .then((saved) => {
        if (saved) notifications.show({ color: 'green', message: 'Saved the submission package again.' });
      })
      .catch((caught: unknown) => {
        notifications.show({
          color: 'red',
          title: 'Could not save the package',
          message: errorMessage(caught),
        });
      })
      .finally(() => {
        setSaving(null);
      });
  };
  return (
    <Stack gap="xs">
      <Title order={3}>Submitted versions</Title>
      <Table aria-label="Submitted versions" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Submitted</Table.Th>
            <Table.Th>Content digest (SHA-512)</Table.Th>
            <Table.Th>Package</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.version}>
              <Table.Td>{version.version}</Table.Td>
              <Table.Td>
                <Text size="sm">{new Date(version.submittedAt).toLocaleString()}</Text>
                <Text size="xs" c="dimmed">
                  by {version.submittedBy.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code title={version.contentDigest}>{version.contentDigest.slice(0, 32)}…</Code>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  loading={saving === version.packageId}
                  aria-label={`Save the version ${version.version} package again`}
                  onClick={() => {
                    saveAgain(version.packageId);
                  }}
                >
                  Save again
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
