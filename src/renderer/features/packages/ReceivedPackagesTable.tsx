import { Badge, Code, Table } from '@mantine/core';
import type { ReceivedPackageSummary } from '../../db';

export function ReceivedPackagesTable({ packages }: { packages: ReceivedPackageSummary[] }) {
  return (
    <Table striped withTableBorder aria-label="Imported packages" data-testid="received-packages">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Task</Table.Th>
          <Table.Th>Signed by</Table.Th>
          <Table.Th>Verification</Table.Th>
          <Table.Th>Imported</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {packages.map((p) => (
          <Table.Tr key={p.packageId}>
            <Table.Td>{p.fileName}</Table.Td>
            <Table.Td>{p.kind}</Table.Td>
            <Table.Td>
              <Code>{p.taskId}</Code>
            </Table.Td>
            <Table.Td>
              {p.signerName ? `${p.signerName} ` : ''}
              <Code>{p.signerKeyId}</Code>
            </Table.Td>
            <Table.Td>
              {p.verification === 'trusted' ? (
                <Badge color="green">Trusted</Badge>
              ) : (
                <Badge color="yellow">Unknown signer (accepted)</Badge>
              )}
            </Table.Td>
            <Table.Td>{new Date(p.importedAt).toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
