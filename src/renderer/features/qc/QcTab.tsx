import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function QcTab(_props: TaskTabProps) {
  return <Text c="dimmed">The QC checklist for this task.</Text>;
}
