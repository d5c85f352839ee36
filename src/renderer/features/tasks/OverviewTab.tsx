import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function OverviewTab(_props: TaskTabProps) {
  return <Text c="dimmed">Brief, questions and datasets.</Text>;
}
