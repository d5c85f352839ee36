import {
  ActionIcon,
  Alert,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { TrustedKeyInput } from '../../db';
import { repositories, ROLES, UserInputError } from '../../db';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';

const ROLE_OPTIONS = [...ROLES, 'other'].map((role) => ({
  value: role,
  label: role.charAt(0).toUpperCase() + role.slice(1),
}));

const EMPTY_KEY: TrustedKeyInput = { publicKeyText: '', name: '', role: 'analyst' };

/** Largest .pub file we read: real ones are about 100 bytes, so anything big is the wrong file. */
const MAX_PUB_FILE_BYTES = 4096;

function AddTrustedKeyForm() {
  const [draft, setDraft] = useState<TrustedKeyInput>(EMPTY_KEY);
  const [error, setError] = useState<{ message: string; field: string | undefined }>();

  const openPubFile = async () => {
    try {
      const [file] = await platform.openFiles({
        title: 'Open a minisign public key',
        filters: [{ name: 'minisign public key', extensions: ['pub'] }],
      });
      if (!file) return;
      if (file.data.byteLength > MAX_PUB_FILE_BYTES) {
        throw new UserInputError(`${file.name} is not a public key: it is ${file.data.byteLength} bytes.`);
      }
      const text = new TextDecoder('utf-8', { fatal: true }).decode(file.data);
      setDraft((d) => ({ ...d, publicKeyText: text }));
    } catch (caught) {
      setError({ message: errorMessage(caught), field: 'publicKeyText' });
    }
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      const added = await repositories.trustedKeys.add(draft);
      setDraft(EMPTY_KEY);
      setError(undefined);
      notifications.show({ color: 'green', message: `Trusted ${added.name} (key ${added.keyId}).` });
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        field: caught instanceof UserInputError ? caught.field : undefined,
      });
    }
  };

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <form
      aria-label="Add a trusted key"
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <Stack gap="sm">
        <Textarea
          label="Public key"
          description="Paste the minisign public key (.pub file contents or its base64 line)."
          autosize
          minRows={2}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={draft.publicKeyText}
          error={errorFor('publicKeyText')}
          onChange={(e) => {
            setDraft({ ...draft, publicKeyText: e.currentTarget.value });
          }}
        />
        <Group align="flex-end" grow>
          <TextInput
            label="Name"
            placeholder="Whose key is this?"
            value={draft.name}
            error={errorFor('name')}
            onChange={(e) => {
              setDraft({ ...draft, name: e.currentTarget.value });
            }}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            allowDeselect={false}
            value={draft.role}
            onChange={(role) => {
              if (role) setDraft({ ...draft, role: role as TrustedKeyInput['role'] });
            }}
          />
        </Group>
        {error && !error.field && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit">Add trusted key</Button>
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} aria-hidden />}
            onClick={() => {
              void openPubFile();
            }}
          >
            Open .pub file
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TrustedKeysSection() {
  const keys = useLiveQuery(async () => repositories.trustedKeys.list(), []);

  const remove = async (keyId: string, name: string) => {
    try {
      await repositories.trustedKeys.remove(keyId);
      notifications.show({ message: `Removed ${name}'s key from your trusted keys.` });
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not remove the key', message: errorMessage(caught) });
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="trusted-keys-heading">
      <Title order={2} size="h4" id="trusted-keys-heading" mb="xs">
        Trusted keys
      </Title>
      <Text size="sm" mb="md">
        Packages signed by these keys show as trusted. Add the keys of the coordinators, analysts, reviewers
        and clients you work with.
      </Text>
      {keys && keys.length > 0 ? (
        <Table striped mb="lg" aria-label="Trusted keys" data-testid="trusted-keys-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Key id</Table.Th>
              <Table.Th>Added</Table.Th>
              <Table.Th>
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((key) => (
              <Table.Tr key={key.keyId}>
                <Table.Td>{key.name}</Table.Td>
                <Table.Td>{key.role}</Table.Td>
                <Table.Td>
                  <Code>{key.keyId}</Code>
                </Table.Td>
                <Table.Td>{new Date(key.addedAt).toLocaleDateString()}</Table.Td>
                <Table.Td>
                  <Tooltip label={`Remove ${key.name}'s key`}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${key.name}'s key`}
                      onClick={() => {
                        void remove(key.keyId, key.name);
                      }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" mb="md" data-testid="no-trusted-keys">
          No trusted keys yet.
        </Text>
      )}
      <AddTrustedKeyForm />
    </Paper>
  );
}
