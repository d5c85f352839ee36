import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function AnswersTab(_props: TaskTabProps) {
  return <Text c="dimmed">One answer per research question.</Text>;
}
