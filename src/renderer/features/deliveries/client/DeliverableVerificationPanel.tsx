import { Alert, Badge, Code, Group, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { DeliverableVerification, SignoffReport } from '@core/review';
import { IconCircleCheck, IconCircleX, IconQuestionMark } from '@tabler/icons-react';

const PRESENTATION = {
  trusted: {
    color: 'green',
    // White on Mantine's green.9 is just under 4.5:1; this darker green clears it.
    badge: '#1e6b30',
    label: 'Verified and trusted',
    icon: IconCircleCheck,
    summary: 'Every file is intact and the package and every sign-off are signed by keys you trust.',
  },
  'unknown-signer': {
    color: 'yellow',
    badge: 'yellow.4',
    label: 'Unknown signer',
    icon: IconQuestionMark,
    summary:
      'Every file is intact and the sign-offs cover exactly this content, but at least one signer is not in your trusted keys.',
  },
  refused: {
    color: 'red',
    badge: 'red.9',
    label: 'Refused',
    icon: IconCircleX,
    summary: 'This deliverable failed verification and cannot be viewed. Every reason is listed.',
  },
} as const;

// Icon plus plain text in the body colour: readable on striped rows in both themes.
const Verdict = ({ ok, children }: { ok: boolean; children: string }) => (
  <Group gap={4} wrap="nowrap">
    {ok ? (
      <IconCircleCheck size={16} color="var(--mantine-color-green-filled)" aria-hidden />
    ) : (
      <IconCircleX size={16} color="var(--mantine-color-red-filled)" aria-hidden />
    )}
    <Text size="sm">{children}</Text>
  </Group>
);

const yesNo = (value: boolean, yes: string, no: string) => <Verdict ok={value}>{value ? yes : no}</Verdict>;

const signatureBadge = (signature: SignoffReport['signature']) =>
  signature === 'unchecked' ? (
    <Group gap={4} wrap="nowrap">
      <IconQuestionMark size={16} aria-hidden />
      <Text size="sm">Not checked: key unknown</Text>
    </Group>
  ) : (
    yesNo(signature === 'valid', 'Valid', 'Invalid')
  );

/** The client's verification, shown before and above everything else in the deliverable view. */
export function DeliverableVerificationPanel({
  verification,
  fileName,
}: {
  verification: DeliverableVerification;
  fileName: string;
}) {
  const presentation = PRESENTATION[verification.status];
  const Icon = presentation.icon;
  const signer = verification.packageSigner;
  return (
    <Stack
      gap="xs"
      data-testid="deliverable-verification"
      aria-label="Deliverable verification"
      role="region"
    >
      <Alert
        color={presentation.color}
        p="xs"
        icon={<Icon aria-hidden />}
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
        title={
          <>
            {fileName}{' '}
            <Badge color={presentation.badge} autoContrast variant="filled" data-testid="deliverable-status">
              {presentation.label}
            </Badge>
          </>
        }
      >
        <Text size="sm">{presentation.summary}</Text>
        {signer && (
          <Text size="sm" mt={2}>
            Package signed by {signer.name ?? 'key'} <Code>{signer.keyId}</Code>{' '}
            {signer.trusted ? '(trusted)' : '(not in your trusted keys)'}
          </Text>
        )}
      </Alert>
      {verification.reasons.length > 0 && (
        <List aria-label="Reasons for refusal" data-testid="refusal-reasons" size="sm">
          {verification.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
      {verification.signoffs.length > 0 && (
        <Table withTableBorder striped verticalSpacing={2} fz="sm" aria-label="Sign-offs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Th>Signed by</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Key trusted</Table.Th>
              <Table.Th>Signature</Table.Th>
              <Table.Th>Covers this content</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {verification.signoffs.map((signoff) => (
              <Table.Tr key={`${signoff.role}-${signoff.keyId}-${signoff.date}`}>
                <Table.Td>{signoff.role}</Table.Td>
                <Table.Td>
                  {signoff.signerName} <Code>{signoff.keyId}</Code>
                </Table.Td>
                <Table.Td>{new Date(signoff.date).toLocaleString()}</Table.Td>
                <Table.Td>{yesNo(signoff.keyTrusted, 'Trusted', 'Unknown key')}</Table.Td>
                <Table.Td>{signatureBadge(signoff.signature)}</Table.Td>
                <Table.Td>{yesNo(signoff.coversThisContent, 'Yes', 'No')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {verification.intactFiles.length > 0 && (
        <details>
          <summary>
            {verification.intactFiles.length} files intact (checked against the signed manifest)
          </summary>
          {/* Long lists scroll inside, so the panel stays small on top of the deliverable. */}
          <ScrollArea.Autosize mah="8rem" type="auto" offsetScrollbars viewportProps={{ tabIndex: 0 }}>
            <List size="xs" aria-label="Intact files">
              {verification.intactFiles.map((path) => (
                <List.Item key={path}>
                  <Code>{path}</Code> intact
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </details>
      )}
    </Stack>
  );
}
