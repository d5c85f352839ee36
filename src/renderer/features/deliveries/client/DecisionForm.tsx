import { Alert, Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Acceptance } from '@core/review';
import type { TaskRecord } from '../../../db';
import { errorMessage } from '../../common/error-message';
import { sendAcceptance } from './acceptance-package';

/** Accept or reject, with comments; a rejection must say why. */
export function DecisionForm(props: {
  task: TaskRecord;
  files: ReadonlyMap<string, Uint8Array>;
  contentDigest: string;
  deliverablePackageId: string;
}) {
  const [comments, setComments] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<Acceptance['decision']>();

  if (props.task.state === 'accepted' || props.task.state === 'rejected') {
    return (
      <Alert
        color={props.task.state === 'accepted' ? 'green' : 'red'}
        title="Decision sent"
        role="status"
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        You {props.task.state} this deliverable.
      </Alert>
    );
  }

  const decide = async (decision: Acceptance['decision']) => {
    if (decision === 'rejected' && comments.trim() === '') {
      setError('Say why you reject the deliverable.');
      return;
    }
    setError(undefined);
    setBusy(decision);
    try {
      const sent = await sendAcceptance({ ...props, decision, comments });
      if (sent)
        notifications.show({ color: 'green', message: `Acceptance package saved: deliverable ${decision}.` });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Stack component="section" aria-label="Your decision" gap="xs">
      <Title order={3}>Your decision</Title>
      <Textarea
        label="Comments for the provider"
        value={comments}
        error={error}
        autosize
        minRows={2}
        onChange={(event) => {
          setComments(event.currentTarget.value);
        }}
      />
      <Group>
        <Button
          // Mantine's green.9 under white text measures 4.4:1, short of AA; this green reads at 6:1.
          color="#237032"
          loading={busy === 'accepted'}
          disabled={busy !== undefined}
          onClick={() => void decide('accepted')}
        >
          Accept deliverable
        </Button>
        <Button
          color="red.9"
          loading={busy === 'rejected'}
          disabled={busy !== undefined}
          onClick={() => void decide('rejected')}
        >
          Reject deliverable
        </Button>
      </Group>
    </Stack>
  );
}
