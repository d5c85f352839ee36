import { Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../db';
import { ScreenHeader } from '../common/ScreenHeader';
import { AppearanceSection } from './AppearanceSection';
import { ChecklistTemplatesSection } from './ChecklistTemplatesSection';
import { DatasetsSection } from './DatasetsSection';
import { ProfileSection } from './ProfileSection';
import { SigningKeySection } from './SigningKeySection';
import { StorageSection } from './StorageSection';
import { TrustedKeysSection } from './TrustedKeysSection';

export function SettingsScreen() {
  const profile = useLiveQuery(async () => repositories.identity.getProfile(), []);
  return (
    <>
      <ScreenHeader
        title="Settings"
        description="Your profile and signing key, trusted keys, storage, datasets and appearance."
      />
      <Stack gap="lg">
        {profile && <ProfileSection profile={profile} />}
        {profile && <SigningKeySection profile={profile} />}
        <TrustedKeysSection />
        <StorageSection />
        <DatasetsSection />
        <ChecklistTemplatesSection />
        <AppearanceSection />
      </Stack>
    </>
  );
}
