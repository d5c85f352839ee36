import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ProfileRecord } from '../../db';
import { repositories } from '../../db';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';

function pubFileName(profile: ProfileRecord): string {
  const base = profile.displayName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'key';
  return `${base}-${profile.keyId}.pub`;
}

export function SigningKeySection({ profile }: { profile: ProfileRecord }) {
  const publicKeyText = useLiveQuery(async () => repositories.identity.publicKeyText(), [profile.keyId]);

  const save = async (text: string) => {
    try {
      const result = await platform.saveFile({
        suggestedName: pubFileName(profile),
        filters: [{ name: 'minisign public key', extensions: ['pub'] }],
        data: new TextEncoder().encode(text),
      });
      if (result.saved) notifications.show({ color: 'green', message: `Saved ${result.fileName}.` });
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not save the key', message: errorMessage(caught) });
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="signing-key-heading">
      <Title order={2} size="h4" id="signing-key-heading" mb="xs">
        Your signing key
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          Send this public key to the people you work with so they can add it to their trusted keys. It is in
          minisign's format: anyone can check your packages with <Code>minisign -V</Code>. The private key
          stays on this computer and cannot be exported.
        </Text>
        <Text size="sm">
          Key id: <Code data-testid="own-key-id">{profile.keyId}</Code>
        </Text>
        {publicKeyText && (
          <>
            <Code block data-testid="own-public-key" aria-label="Your public key">
              {publicKeyText}
            </Code>
            <Group>
              <CopyButton value={publicKeyText}>
                {({ copied, copy }) => (
                  <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={copy}>
                    {copied ? 'Copied' : 'Copy public key'}
                  </Button>
                )}
              </CopyButton>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => {
                  void save(publicKeyText);
                }}
              >
                Save as .pub file
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
