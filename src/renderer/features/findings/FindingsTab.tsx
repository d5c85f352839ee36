import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function FindingsTab(_props: TaskTabProps) {
  return <Text c="dimmed">Findings written in Markdown.</Text>;
}
