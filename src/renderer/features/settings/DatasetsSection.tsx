import { Button, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';

const MB = 1024 ** 2;

function LimitForm({ currentBytes }: { currentBytes: number }) {
  const [megabytes, setMegabytes] = useState<number | string>(Math.round(currentBytes / MB));
  const [error, setError] = useState<string>();
  const save = async () => {
    try {
      await repositories.settings.setDatasetImportLimitBytes(Math.round(Number(megabytes) * MB));
      setError(undefined);
      notifications.show({ color: 'green', message: 'Import size limit saved.' });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Group align="flex-end">
      <NumberInput
        label="Largest CSV file to import (MB)"
        min={1}
        step={256}
        allowDecimal={false}
        thousandSeparator=","
        value={megabytes}
        error={error}
        onChange={setMegabytes}
      />
      <Button
        variant="default"
        onClick={() => {
          void save();
        }}
      >
        Save limit
      </Button>
    </Group>
  );
}

export function DatasetsSection() {
  const limit = useLiveQuery(async () => repositories.settings.datasetImportLimitBytes(), []);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="datasets-settings-heading">
      <Title order={2} size="h4" id="datasets-settings-heading" mb="xs">
        Datasets
      </Title>
      <Text size="sm" mb="sm">
        Larger files are refused before anything is read. A dataset takes roughly as much space as its file.
      </Text>
      {limit !== undefined && <LimitForm key={limit} currentBytes={limit} />}
    </Paper>
  );
}
