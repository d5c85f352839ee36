import { Alert, Badge, Blockquote, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { STATE_LABELS } from '@core/workflow';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TaskDeliverySummary } from '../../db';
import { repositories } from '../../db';
import { loadKeyNames } from '../audit/key-names';
import { ScreenHeader } from '../common/ScreenHeader';
import { DueText } from '../tasks/DueText';
import { ClientDeliverableView, SentDeliverableView } from './client/ClientDeliverableView';
import { DeliveredTime } from './client/DeliveredTime';
import { VersionHistory } from './VersionHistory';

type Names = ReadonlyMap<string, string>;

const when = (iso: string): string => new Date(iso).toLocaleString();

/**
 * One task on the Deliveries screen, as this installation can show it: the client, who received
 * the deliverable, reads, verifies and decides on it; the reviewer, who signed and sent it, reads
 * and verifies their copy; a coordinator who never held it sees what the log and the client's
 * signed acceptance say about its delivery.
 */
export function TaskDelivery({ taskId }: { taskId: string }) {
  const holding = useLiveQuery(async () => repositories.deliveries.holding(taskId), [taskId]);
  if (!holding) {
    return (
      <Group role="status">
        <Loader size="sm" aria-hidden />
        <Text>Loading the delivery…</Text>
      </Group>
    );
  }
  if (holding.held === 'received') {
    return (
      <>
        <ScreenHeader
          title="Deliverable"
          description="Verification first; then the deliverable, read-only."
        />
        <ClientDeliverableView taskId={taskId} />
      </>
    );
  }
  if (holding.held === 'sent') {
    return (
      <>
        <ScreenHeader
          title="Deliverable"
          description="The deliverable package you signed and sent, verified again against today's trusted keys; read-only."
        />
        <Stack>
          <SentNotice taskId={taskId} fileName={holding.fileName} sentAt={holding.createdAt} />
          <SentDeliverableView taskId={taskId} packageId={holding.packageId} />
        </Stack>
      </>
    );
  }
  return (
    <>
      <ScreenHeader
        title="Delivery"
        description="What this installation knows of the task's delivery: its log, the client's signed decision and the time delivered."
      />
      <DeliveryPage taskId={taskId} />
    </>
  );
}

function useDeliverySummary(taskId: string) {
  return useLiveQuery(async () => {
    const summary = await repositories.deliveries.summary(taskId);
    if (!summary) return { summary };
    const { task, acceptance } = summary;
    const names = await loadKeyNames([task.coordinator, task.analyst, task.reviewer, acceptance?.signer]);
    return { summary, names };
  }, [taskId]);
}

/** Where the reviewer's copy went, and what the client decided once their acceptance arrives here. */
function SentNotice({ taskId, fileName, sentAt }: { taskId: string; fileName: string; sentAt: string }) {
  const data = useDeliverySummary(taskId);
  if (!data?.summary) return null;
  const { summary, names } = data;
  if (summary.acceptance || summary.history.decision)
    return <ClientDecision summary={summary} names={names} />;
  return (
    <Text>
      You sent this deliverable as {fileName} on {when(sentAt)}. The client accepts or rejects it in their
      app; their decision closes the task here once its acceptance package is imported.
    </Text>
  );
}

/** The delivery of a task whose deliverable never came to this installation (the coordinator's case). */
function DeliveryPage({ taskId }: { taskId: string }) {
  const data = useDeliverySummary(taskId);
  if (!data) return null;
  if (!data.summary) {
    return (
      <Alert color="red" role="alert" title="Cannot show this delivery">
        Task {taskId} is not in this workbench.
      </Alert>
    );
  }
  const { summary, names } = data;
  const { task, history, time } = summary;
  const nameOf = (keyId: string, fallback?: string) => names.get(keyId) ?? fallback ?? `key ${keyId}`;
  const delivered = history.delivered;
  return (
    <Stack>
      <Title order={2}>{task.title}</Title>
      <Table withTableBorder aria-label="Delivery details" w="fit-content">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">State</Table.Th>
            <Table.Td>
              <Badge variant="light">{STATE_LABELS[task.state]}</Badge>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Client</Table.Th>
            <Table.Td>{task.client || '(no client)'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Due</Table.Th>
            <Table.Td>{task.due ? <DueText task={task} /> : 'No due date'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Delivered</Table.Th>
            <Table.Td data-testid="delivered">
              {delivered
                ? `${when(delivered.at)} by ${nameOf(delivered.actor, delivered.senderName)}${
                    delivered.version === undefined ? '' : ` (version ${String(delivered.version)})`
                  }`
                : 'Not yet'}
            </Table.Td>
          </Table.Tr>
          {delivered?.packageId && (
            <Table.Tr>
              <Table.Th scope="row">Deliverable package</Table.Th>
              <Table.Td>
                <Code>{delivered.packageId}</Code>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {delivered ? (
        <>
          <ClientDecision summary={summary} names={names} />
          <Alert color="gray" role="note" title="The deliverable is not stored here">
            The deliverable package was not sent to this installation: the reviewer exported it to the client.
            Its content and verification can be read where it was sent or received; what is shown here comes
            from the task&apos;s log and from what the client&apos;s acceptance package carried back.
          </Alert>
        </>
      ) : (
        <Text>
          This task has not been delivered as far as this installation knows: its log shows no delivery.
        </Text>
      )}
      {time && (
        <Stack component="section" aria-label="Time delivered" gap="xs">
          <Title order={3}>Time delivered</Title>
          <Text size="sm">
            The analyst&apos;s time log as{' '}
            {time.version === null ? 'the delivered version' : `version ${String(time.version)}`} froze it.
          </Text>
          <DeliveredTime
            time={{ entries: time.entries }}
            estimateHours={task.estimateHours}
            nameOf={nameOf}
          />
        </Stack>
      )}
      <Stack component="section" aria-label="Version history" gap="xs">
        <Title order={3}>Version history</Title>
        <VersionHistory taskId={taskId} />
      </Stack>
    </Stack>
  );
}

/** The client's decision: as their signed acceptance states it, else as the task's log recorded it. */
function ClientDecision({ summary, names }: { summary: TaskDeliverySummary; names: Names }) {
  const { acceptance, history, task } = summary;
  const logged = history.decision;
  const decision = acceptance?.decision ?? logged?.decision;
  if (!decision) {
    return (
      <Text role="status">
        {task.state === 'delivered'
          ? 'The client has not decided yet: their decision arrives as an acceptance package.'
          : 'No decision from the client has arrived here.'}
      </Text>
    );
  }
  const comments = acceptance?.comments ?? logged?.comments ?? '';
  const signer = acceptance
    ? `${names.get(acceptance.signer.keyId) ?? acceptance.signer.name} (key ${acceptance.signer.keyId})`
    : logged
      ? (logged.signer ?? names.get(logged.actor) ?? logged.senderName ?? `key ${logged.actor}`)
      : '';
  const signed = acceptance
    ? `Signed ${when(acceptance.signedAt)}`
    : logged
      ? `Recorded ${when(logged.at)}`
      : '';
  return (
    <section aria-label="Client's decision">
      <Alert
        color={decision === 'accepted' ? 'green' : 'red'}
        title={decision === 'accepted' ? 'Accepted by the client' : 'Rejected by the client'}
        role="status"
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        <Stack gap="xs">
          {comments !== '' && <Blockquote p="xs">{comments}</Blockquote>}
          <Text size="sm">
            {signed} by {signer}
            {acceptance
              ? `; received here ${when(acceptance.receivedAt)}${
                  acceptance.version === undefined ? '' : `, about version ${String(acceptance.version)}`
                }.`
              : ', as the task’s log records it.'}
          </Text>
        </Stack>
      </Alert>
    </section>
  );
}
