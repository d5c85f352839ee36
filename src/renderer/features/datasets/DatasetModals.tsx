import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { DatasetRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { plural } from './format';

export function RenameDatasetModal({ dataset, onClose }: { dataset: DatasetRecord; onClose: () => void }) {
  const [name, setName] = useState(dataset.name);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await repositories.datasets.rename(dataset.id, name);
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title="Rename dataset"
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <form
        aria-label="Rename dataset"
        onSubmit={(event) => {
          void save(event);
        }}
      >
        <Stack>
          <TextInput
            label="Name"
            data-autofocus
            value={name}
            error={error}
            onChange={(e) => {
              setName(e.currentTarget.value);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function DeleteDatasetModal({ dataset, onClose }: { dataset: DatasetRecord; onClose: () => void }) {
  const [error, setError] = useState<string>();
  const [deleting, setDeleting] = useState(false);

  const remove = async () => {
    setDeleting(true);
    try {
      await repositories.datasets.remove(dataset.id);
      notifications.show({ color: 'green', message: `Deleted ${dataset.name}.` });
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
      setDeleting(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={`Delete ${dataset.name}?`}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <Stack>
        <Text>
          Its {plural(dataset.rowCount, 'row', 'rows')} and any saved views of it are removed from this
          computer. The file {dataset.sourceFileName} itself is not touched.
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={deleting}
            onClick={() => {
              void remove();
            }}
          >
            Delete dataset
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
