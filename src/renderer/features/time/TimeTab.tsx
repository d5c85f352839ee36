import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function TimeTab(_props: TaskTabProps) {
  return <Text c="dimmed">Time logged on this task.</Text>;
}
