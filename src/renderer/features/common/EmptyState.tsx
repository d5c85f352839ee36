import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** What an empty screen shows: what will appear here, and how to get started. */
export function EmptyState(props: { icon: Icon; title: string; children: ReactNode; action?: ReactNode }) {
  const { icon: IconComponent, title, children, action } = props;
  return (
    <Center py={64}>
      <Stack align="center" gap="sm" maw={520} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
          <IconComponent size={30} />
        </ThemeIcon>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dimmed">{children}</Text>
        {action}
      </Stack>
    </Center>
  );
}
