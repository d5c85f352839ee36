import { Center, localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../db';
import { OnboardingScreen } from '../features/onboarding/OnboardingScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';
import { readableVariants } from './readable-variants';
import { theme } from './theme';
import { BusyIndicator } from '../features/common/BusyIndicator';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'kpo-color-scheme' });

function ProfileGate() {
  // `null` once the query ran and found nothing, so first paint can tell "loading" from "no profile".
  const profile = useLiveQuery(async () => (await repositories.identity.getProfile()) ?? null, []);
  if (profile === undefined) {
    return (
      <Center h="100vh">
        <BusyIndicator label="Loading" />
      </Center>
    );
  }
  return profile ? <Shell /> : <OnboardingScreen />;
}

export function App() {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={readableVariants}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="light"
    >
      <Notifications position="bottom-right" />
      <ErrorBoundary area="KPO Workbench">
        <ProfileGate />
      </ErrorBoundary>
    </MantineProvider>
  );
}
