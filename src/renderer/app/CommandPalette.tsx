import { useMantineColorScheme } from '@mantine/core';
import type { SpotlightActionData } from '@mantine/spotlight';
import { Spotlight } from '@mantine/spotlight';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconMoon, IconSearch, IconSun } from '@tabler/icons-react';
import { useMemo } from 'react';
import { errorMessage } from '../features/common/error-message';
import { chooseAndImportCsvFiles } from '../features/datasets/import-queue';
import { SCREENS } from './routes';
import type { ScreenId } from './routes';

/** Ctrl/Cmd+K: every screen and app-wide command, reachable from the keyboard. */
export function CommandPalette({ onNavigate }: { onNavigate: (screen: ScreenId) => void }) {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const actions = useMemo<SpotlightActionData[]>(
    () => [
      ...SCREENS.map(({ id, label, description, icon: Icon }) => ({
        id: `go-${id}`,
        label: `Go to ${label}`,
        description,
        leftSection: <Icon size={20} aria-hidden />,
        onClick: () => {
          onNavigate(id);
        },
      })),
      {
        id: 'import-csv',
        label: 'Import CSV files',
        description: 'Datasets: choose one or more CSV files to store on this computer',
        leftSection: <IconFileImport size={20} aria-hidden />,
        onClick: () => {
          onNavigate('datasets');
          chooseAndImportCsvFiles().catch((caught: unknown) => {
            notifications.show({
              color: 'red',
              title: 'Could not open the files',
              message: errorMessage(caught),
            });
          });
        },
      },
      {
        id: 'toggle-theme',
        label: colorScheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
        description: 'Appearance',
        leftSection:
          colorScheme === 'dark' ? <IconSun size={20} aria-hidden /> : <IconMoon size={20} aria-hidden />,
        onClick: () => {
          setColorScheme(colorScheme === 'dark' ? 'light' : 'dark');
        },
      },
    ],
    [colorScheme, onNavigate, setColorScheme],
  );

  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      nothingFound="No command matches."
      highlightQuery
      searchProps={{
        leftSection: <IconSearch size={20} aria-hidden />,
        placeholder: 'Type a screen or command…',
        'aria-label': 'Command palette search',
      }}
    />
  );
}
