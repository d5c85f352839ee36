import { Alert, Button, Group, List, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ApprovalGate, ReviewerStanding } from '@core/review';
import type { SubmissionRecord, TaskRecord } from '../../db';
import { errorMessage } from '../common/error-message';
import { approve, exportDeliverable, requestChanges } from './review-decisions';

/**
 * Request changes (a reason is required) or approve (only through the gate), each sending a signed
 * package; offered only to the reviewer the task names, anyone else is told why not.
 */
export function ReviewDecisionBar(props: {
  task: TaskRecord;
  submission: SubmissionRecord;
  gate: ApprovalGate;
  standing: ReviewerStanding;
}) {
  const { task, submission, gate, standing } = props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<boolean>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      if (await action()) notifications.show({ color: 'green', message: done });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (!standing.allowed) {
    if (task.state !== 'submitted' && task.state !== 'approved') return null;
    return (
      <Stack component="section" aria-label="Decision">
        <Alert
          color="yellow"
          title="You cannot decide on this submission"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          {standing.reason}
        </Alert>
      </Stack>
    );
  }
  if (task.state === 'approved') {
    return (
      <Stack component="section" aria-label="Decision">
        <Alert color="blue" title="Approved, not yet delivered">
          The deliverable package was not saved. Export it again to deliver it.
        </Alert>
        <Button
          w="fit-content"
          loading={busy}
          onClick={() =>
            void run(async () => exportDeliverable(task, submission), 'Deliverable package saved.')
          }
        >
          Export deliverable
        </Button>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    );
  }
  if (task.state !== 'submitted') return null;
  return (
    <Stack component="section" aria-label="Decision" gap="xs">
      <Title order={3}>Decision on version {submission.version}</Title>
      <Textarea
        label="Reason for requesting changes"
        value={reason}
        autosize
        minRows={2}
        onChange={(event) => {
          setReason(event.currentTarget.value);
        }}
      />
      {!gate.allowed && (
        <Alert
          color="yellow"
          title="Approval is not possible yet"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          <List size="sm" aria-label="Why approval is blocked">
            {gate.reasons.map((why) => (
              <List.Item key={why}>{why}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" title="Not sent">
          {error}
        </Alert>
      )}
      <Group>
        <Button
          variant="default"
          loading={busy}
          disabled={reason.trim() === ''}
          onClick={() =>
            void run(
              async () => requestChanges(task, submission, reason),
              'Review package saved: changes requested.',
            )
          }
        >
          Request changes
        </Button>
        <Button
          loading={busy}
          disabled={!gate.allowed}
          onClick={() =>
            void run(async () => approve(task, submission), 'Approved: deliverable package saved.')
          }
        >
          Approve and export deliverable
        </Button>
      </Group>
    </Stack>
  );
}
