import { Paper, SegmentedControl, Text, Title, useMantineColorScheme } from '@mantine/core';

export function AppearanceSection() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="appearance-heading">
      <Title order={2} size="h4" id="appearance-heading" mb="xs">
        Appearance
      </Title>
      <Text size="sm" mb="sm" id="theme-label">
        Theme
      </Text>
      <SegmentedControl
        aria-labelledby="theme-label"
        value={colorScheme}
        onChange={(value) => {
          setColorScheme(value);
        }}
        data={[
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
          { value: 'auto', label: 'Follow system' },
        ]}
      />
    </Paper>
  );
}
