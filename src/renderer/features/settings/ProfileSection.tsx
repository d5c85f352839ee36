import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ProfileInput, ProfileRecord } from '../../db';
import { repositories, UserInputError } from '../../db';
import { errorMessage } from '../common/error-message';
import { ProfileFields, roleLabel } from './ProfileFields';

function toInput(profile: ProfileRecord): ProfileInput {
  const { displayName, organisation, email, roles } = profile;
  return { displayName, organisation, email, roles };
}

export function ProfileSection({ profile }: { profile: ProfileRecord }) {
  const [draft, setDraft] = useState<ProfileInput>();
  const [error, setError] = useState<{ message: string; field: string | undefined }>();

  const save = async () => {
    if (!draft) return;
    try {
      await repositories.identity.updateProfile(draft);
      setDraft(undefined);
      setError(undefined);
      notifications.show({ color: 'green', message: 'Profile saved.' });
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        field: caught instanceof UserInputError ? caught.field : undefined,
      });
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-heading">
      <Title order={2} size="h4" id="profile-heading" mb="sm">
        Profile
      </Title>
      {draft ? (
        <Stack>
          <ProfileFields value={draft} onChange={setDraft} errorField={error?.field} error={error?.message} />
          {error && !error.field && (
            <Text c="red" role="alert">
              {error.message}
            </Text>
          )}
          <Group>
            <Button
              onClick={() => {
                void save();
              }}
            >
              Save profile
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(undefined);
                setError(undefined);
              }}
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap={4}>
          <Text fw={600} data-testid="profile-name">
            {profile.displayName}
          </Text>
          <Text size="sm">
            {profile.organisation} · {profile.email}
          </Text>
          <Text size="sm">Roles: {profile.roles.map(roleLabel).join(', ')}</Text>
          <Button
            variant="default"
            mt="sm"
            w="fit-content"
            onClick={() => {
              setDraft(toInput(profile));
            }}
          >
            Edit profile
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
