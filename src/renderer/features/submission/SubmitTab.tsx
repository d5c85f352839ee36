import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function SubmitTab(_props: TaskTabProps) {
  return <Text c="dimmed">Submit the deliverable for review.</Text>;
}
