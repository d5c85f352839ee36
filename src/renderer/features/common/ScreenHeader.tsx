import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScreenHeader(props: { title: string; description: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        <Text c="dimmed" size="sm">
          {props.description}
        </Text>
      </Stack>
      {props.actions}
    </Group>
  );
}
