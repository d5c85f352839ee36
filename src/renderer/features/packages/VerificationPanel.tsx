import { Alert, Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { VerificationStatus, VerifyPackageResult } from '@core/package';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconQuestionMark } from '@tabler/icons-react';

const STATUS_PRESENTATION: Record<
  VerificationStatus,
  {
    label: string;
    color: string;
    /** Badge shade chosen for WCAG AA contrast of its label (axe runs on this dialog). */
    badgeColor: string;
    icon: typeof IconCircleCheck;
    summary: string;
  }
> = {
  trusted: {
    label: 'Trusted',
    // green.9 (#2b8a3e) under white is 4.36:1, below AA; this darker green is 6.1:1.
    badgeColor: '#237032',
    color: 'green',
    icon: IconCircleCheck,
    summary: 'The package is intact and signed by a key in your trusted keys.',
  },
  'unknown-signer': {
    label: 'Unknown signer',
    badgeColor: 'yellow.4',
    color: 'yellow',
    icon: IconQuestionMark,
    summary:
      'The package is intact and its signature is valid, but the key that signed it is not in your trusted keys. Check the key id with the sender before you trust it.',
  },
  unsigned: {
    label: 'Unsigned',
    badgeColor: 'yellow.4',
    color: 'yellow',
    icon: IconAlertTriangle,
    summary: 'The bag is intact but carries no signature, so nobody vouches for where it came from.',
  },
  invalid: {
    label: 'Invalid',
    badgeColor: 'red.9',
    color: 'red',
    icon: IconCircleX,
    summary: 'The package failed verification and cannot be imported. Every problem found is listed below.',
  },
};

export function VerificationBadge({ status }: { status: VerificationStatus }) {
  const { label, badgeColor } = STATUS_PRESENTATION[status];
  return (
    <Badge color={badgeColor} autoContrast variant="filled" data-testid="verification-status">
      {label}
    </Badge>
  );
}

/** The same verification result wherever a package is opened: status, who signed, what was checked. */
export function VerificationPanel({ result, fileName }: { result: VerifyPackageResult; fileName: string }) {
  const presentation = STATUS_PRESENTATION[result.status];
  const Icon = presentation.icon;
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  const { info, signer } = result;

  return (
    <Stack gap="md" data-testid="verification-panel">
      <Alert
        color={presentation.color}
        icon={<Icon aria-hidden />}
        // Mantine tints the title with the alert colour, too faint on yellow; the badge carries the colour.
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
        title={
          <Group gap="xs">
            <span>{fileName}</span>
            <VerificationBadge status={result.status} />
          </Group>
        }
      >
        {presentation.summary}
      </Alert>
      <Table variant="vertical" withTableBorder aria-label="Package details">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={160}>Kind</Table.Th>
            <Table.Td>{info.kind ?? 'not a KPO package'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Task id</Table.Th>
            <Table.Td>{info.taskId ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Package id</Table.Th>
            <Table.Td>{info.packageId ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Bagged on</Table.Th>
            <Table.Td>{info.baggingDate ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Signed by</Table.Th>
            <Table.Td data-testid="signer">
              {signer ? (
                <>
                  {signer.name ? `${signer.name}, key ` : 'key '}
                  <Code>{signer.keyId}</Code>
                </>
              ) : (
                'no signature'
              )}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {result.findings.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {errors.length} {errors.length === 1 ? 'error' : 'errors'}, {warnings.length}{' '}
            {warnings.length === 1 ? 'warning' : 'warnings'}
          </Text>
          <Table striped withTableBorder aria-label="Verification findings" data-testid="findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Severity</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...errors, ...warnings].map((finding, index) => (
                <Table.Tr key={`${finding.file}-${finding.code}-${String(index)}`}>
                  <Table.Td>
                    <Badge color={finding.severity === 'error' ? 'red' : 'yellow'} variant="light">
                      {finding.severity}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Code>{finding.file}</Code>
                  </Table.Td>
                  <Table.Td>{finding.rule}</Table.Td>
                  <Table.Td>{finding.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
