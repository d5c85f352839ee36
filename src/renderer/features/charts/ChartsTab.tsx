import { Text } from '@mantine/core';
import type { TaskTabProps } from '../tasks/task-tab-props';

export function ChartsTab(_props: TaskTabProps) {
  return <Text c="dimmed">Charts built from saved views appear here.</Text>;
}
