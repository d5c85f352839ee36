import { Alert, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { ProfileInput } from '../../db';
import { repositories, UserInputError } from '../../db';
import { errorMessage } from '../common/error-message';
import { ProfileFields } from '../settings/ProfileFields';

const EMPTY_PROFILE: ProfileInput = { displayName: '', organisation: '', email: '', roles: [] };

/** First run: who you are, and the signing key every package you send will carry. */
export function OnboardingScreen() {
  const [profile, setProfile] = useState<ProfileInput>(EMPTY_PROFILE);
  const [error, setError] = useState<{ message: string; field: string | undefined }>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await repositories.identity.createProfile(profile);
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        field: caught instanceof UserInputError ? caught.field : undefined,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={620} py={48}>
      <main>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1}>Welcome to KPO Workbench</Title>
            <Text c="dimmed">
              Set up your profile. The app also makes a signing key on this computer: every package you send
              carries your signature, so others can check it came from you and was not changed.
            </Text>
          </Stack>
          <Paper withBorder p="lg" radius="md">
            <form
              aria-label="Create your profile"
              onSubmit={(event) => {
                void submit(event);
              }}
            >
              <Stack>
                <ProfileFields
                  value={profile}
                  onChange={setProfile}
                  errorField={error?.field}
                  error={error?.message}
                />
                {error && !error.field && (
                  <Alert color="red" role="alert" title="Could not create the profile">
                    {error.message}
                  </Alert>
                )}
                <Button type="submit" loading={busy} leftSection={<IconKey size={18} aria-hidden />}>
                  Create profile and signing key
                </Button>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </main>
    </Container>
  );
}
