import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function SourcesTab(_props: TaskTabProps) {
  return <Text c="dimmed">The research library for this task.</Text>;
}
