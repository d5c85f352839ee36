import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function AuditTab(_props: TaskTabProps) {
  return <Text c="dimmed">Every change to this task, hash-chained.</Text>;
}
