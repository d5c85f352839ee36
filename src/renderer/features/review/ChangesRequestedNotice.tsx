import { Alert, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { useReadableColor } from '../qc/readable-color';
import { outstandingChangeRequest } from './change-request';

/** At the top of a task that came back from review: the reviewer's reason, until the next submission. */
export function ChangesRequestedNotice({ task }: { task: TaskRecord }) {
  const readable = useReadableColor();
  const comeBack = task.state === 'in_progress' || task.state === 'changes_requested';
  const request = useLiveQuery(
    async () =>
      comeBack ? outstandingChangeRequest((await repositories.tasks.auditLog(task.id)).events) : undefined,
    [task.id, task.updatedAt, comeBack],
  );
  if (!request) return null;
  return (
    <Alert
      color={readable('orange')}
      variant="light"
      role="alert"
      title="Changes requested"
      aria-label="Changes requested"
    >
      <Text size="sm">{request.reason}</Text>
      <Text size="xs">
        Requested on {new Date(request.at).toLocaleString()}. The reviewer’s comments are shown beside the
        answers, charts, findings and QC items they are about.
      </Text>
    </Alert>
  );
}
