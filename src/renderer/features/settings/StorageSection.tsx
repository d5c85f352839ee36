import { Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { StorageStatus } from '../../platform/storage';
import { readStorageStatus, requestPersistentStorage } from '../../platform/storage';
import { formatBytes } from '../../app/format';
import { errorMessage } from '../common/error-message';

export function StorageSection() {
  const [status, setStatus] = useState<StorageStatus>();
  const [error, setError] = useState<string>();
  // Bumped to read the status again (after a request, or on Refresh).
  const [readCount, setReadCount] = useState(0);

  useEffect(() => {
    let current = true;
    readStorageStatus().then(
      (next) => {
        if (current) setStatus(next);
      },
      (caught: unknown) => {
        if (current) setError(errorMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [readCount]);

  const refresh = () => {
    setReadCount((n) => n + 1);
  };

  const requestPersistence = async () => {
    try {
      await requestPersistentStorage();
    } finally {
      refresh();
    }
  };

  const { usageBytes, quotaBytes } = status ?? {};
  const percent = usageBytes !== undefined && quotaBytes ? (usageBytes / quotaBytes) * 100 : 0;

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="storage-heading">
      <Title order={2} size="h4" id="storage-heading" mb="xs">
        Storage
      </Title>
      {error && <Text c="red">Could not read storage status: {error}</Text>}
      {status && (
        <Stack gap="sm">
          <Group gap="xs">
            <Text size="sm">Persistent storage:</Text>
            <Badge color={status.persisted ? 'green' : 'yellow'} data-testid="storage-persisted">
              {status.persisted ? 'granted' : 'not granted'}
            </Badge>
          </Group>
          <Text size="sm">
            {status.persisted
              ? 'Your data will not be cleared when the disk runs low.'
              : 'The browser may clear stored data when the disk runs low. Keep backups of your packages.'}
          </Text>
          {usageBytes !== undefined && quotaBytes !== undefined && (
            <>
              <Text size="sm" data-testid="storage-usage">
                Using {formatBytes(usageBytes)} of {formatBytes(quotaBytes)} available.
              </Text>
              <Progress value={percent} aria-label="Storage used" />
            </>
          )}
          <Group>
            {!status.persisted && (
              <Button
                variant="default"
                onClick={() => {
                  void requestPersistence();
                }}
              >
                Request persistent storage
              </Button>
            )}
            <Button variant="subtle" onClick={refresh}>
              Refresh
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
