import {
  ActionIcon,
  AppShell,
  Group,
  Kbd,
  NavLink,
  Text,
  Tooltip,
  UnstyledButton,
  useMantineColorScheme,
} from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconMoon, IconSearch, IconSun } from '@tabler/icons-react';
import { CommandPalette } from './CommandPalette';
import { ErrorBoundary } from './ErrorBoundary';
import { SCREENS } from './routes';
import { useHashRoute } from './use-hash-route';

const isMac = /Mac OS X|Macintosh/.test(navigator.userAgent);

function ThemeToggle() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const next = colorScheme === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`Switch to ${next} theme`}
        data-testid="theme-toggle"
        onClick={() => {
          setColorScheme(next);
        }}
      >
        {colorScheme === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  );
}

export function Shell() {
  const [screenId, navigate] = useHashRoute();
  const screen = SCREENS.find((s) => s.id === screenId) ?? SCREENS[0];
  const ScreenComponent = screen.component;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Text fw={700} size="lg">
            KPO Workbench
          </Text>
          <Group gap="sm">
            <UnstyledButton
              onClick={() => {
                spotlight.open();
              }}
              className="palette-button"
            >
              <Group gap="xs">
                <IconSearch size={16} aria-hidden />
                <Text size="sm">Commands</Text>
                <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd>
                <Kbd size="xs">K</Kbd>
              </Group>
            </UnstyledButton>
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {SCREENS.map(({ id, label, icon: Icon }) => (
          <NavLink
            key={id}
            href={`#/${id}`}
            label={label}
            active={id === screenId}
            variant="filled"
            aria-current={id === screenId ? 'page' : undefined}
            leftSection={<Icon size={18} aria-hidden />}
            onClick={(event) => {
              event.preventDefault();
              navigate(id);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <main data-screen={screen.id}>
          {/* Keyed by screen, so moving to another screen also clears a crash. */}
          <ErrorBoundary key={screen.id} area={screen.label}>
            <ScreenComponent />
          </ErrorBoundary>
        </main>
      </AppShell.Main>
      <CommandPalette onNavigate={navigate} />
    </AppShell>
  );
}
