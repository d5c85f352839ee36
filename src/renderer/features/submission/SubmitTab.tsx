import { Alert, Button, Code, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { repositories } from '../../db';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { errorMessage } from '../common/error-message';
import { AttestationForm } from './AttestationForm';
import { attestationStatement } from './freeze-submission';
import type { PreparedDeliverable } from './freeze-submission';
import { exportSubmission } from './export-submission';
import { FrozenVersion } from './FrozenVersion';
import { ReportActions } from './ReportActions';
import { SubmissionHistory } from './SubmissionHistory';
import { useSubmissionPreview } from './use-submission-preview';
import './submission.css';

export function SubmitTab({ task }: TaskTabProps) {
  const editable = task.state === 'in_progress';
  // Any change to the work moves the audit log, so the preview (the version that would be signed) follows it.
  const head = useLiveQuery(async () => repositories.submissions.auditHead(task.id), [task.id]);
  const { state, refresh } = useSubmissionPreview(
    task.id,
    `${task.updatedAt}:${task.version}:${head?.hash ?? ''}`,
    editable && head !== undefined,
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (prepared: PreparedDeliverable) => {
    setBusy(true);
    setFailure(null);
    exportSubmission(prepared)
      .then((outcome) => {
        if (outcome.status === 'cancelled') {
          notifications.show({ message: 'Nothing was submitted: the save was cancelled.' });
          return;
        }
        if (outcome.status === 'recorded') {
          notifications.show({
            color: 'yellow',
            autoClose: false,
            title: `Version ${outcome.version} was submitted, but its file was not written`,
            message: `${outcome.writeError}. Save the package again from the submission history.`,
          });
          return;
        }
        notifications.show({
          color: 'green',
          title: `Submitted version ${outcome.version}`,
          message: `Saved ${outcome.fileName}. Send it to your reviewer.`,
        });
      })
      .catch((caught: unknown) => {
        setFailure(errorMessage(caught));
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <Stack gap="lg">
      {editable ? (
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2}>Submit version {task.version + 1}</Title>
            <Button
              variant="default"
              size="xs"
              onClick={refresh}
              disabled={state.status === 'loading' || busy}
            >
              Refresh preview
            </Button>
          </Group>
          {state.status === 'loading' ? (
            <Group gap="xs">
              <Loader size="sm" />
              <Text>Assembling the deliverable…</Text>
            </Group>
          ) : null}
          {state.status === 'error' ? (
            <Alert color="red" title="The deliverable cannot be assembled">
              {state.error}
            </Alert>
          ) : null}
          {state.status === 'ready' ? (
            <ReadyToSubmit
              prepared={state.prepared}
              busy={busy}
              onSubmit={() => {
                submit(state.prepared);
              }}
            />
          ) : null}
          {failure ? (
            <Alert color="red" title="The submission was not exported">
              {failure}
            </Alert>
          ) : null}
        </Stack>
      ) : task.version > 0 ? (
        <FrozenVersion task={task} />
      ) : (
        <Alert color="gray" title="Nothing to submit yet">
          Only a task in progress can be submitted; start work on it first.
        </Alert>
      )}
      <SubmissionHistory taskId={task.id} />
    </Stack>
  );
}

function ReadyToSubmit(props: { prepared: PreparedDeliverable; busy: boolean; onSubmit: () => void }) {
  const { prepared } = props;
  return (
    <Stack gap="md">
      {prepared.gate.allowed ? (
        <Alert color="green" title={`Version ${prepared.version} is ready to submit`}>
          Every critical QC item passes or carries a written justification.
        </Alert>
      ) : (
        <Alert color="yellow" title="Not ready to submit">
          <List size="sm">
            {prepared.gate.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text size="sm">
        Content digest (SHA-512) of this version, as it will be signed:{' '}
        <Code data-testid="preview-digest">{prepared.contentDigest.slice(0, 32)}…</Code>
      </Text>
      <Group justify="space-between">
        <Title order={3}>Report preview</Title>
        <ReportActions
          html={prepared.content.reportHtml}
          fileStem={`${prepared.taskTitle}-v${prepared.version}-report`}
          input={prepared.content}
        />
      </Group>
      <iframe
        className="kpo-report-preview"
        title={`Report preview, version ${prepared.version}`}
        sandbox=""
        srcDoc={prepared.content.reportHtml}
      />
      <AttestationForm
        statement={attestationStatement(prepared.analyst.name, prepared.version, prepared.taskTitle)}
        version={prepared.version}
        disabled={!prepared.gate.allowed}
        busy={props.busy}
        onSubmit={props.onSubmit}
      />
    </Stack>
  );
}
