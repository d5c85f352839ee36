import { Button, Fieldset, Group, List, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';
import { CSV_FILTER } from '../datasets/import-queue';
import { importTaskDataset } from './task-datasets';
import { TaskDatasetItem } from './TaskDatasetItem';
import { notify } from './notify';

/**
 * A draft's CSVs. Attaching keeps the original bytes with the task (they go into the package as they
 * are) and imports a columnar copy so the coordinator can inspect the data; both happen at once,
 * not on "Save draft".
 */
export function DatasetsField({ task }: { task: TaskRecord }) {
  const [busy, setBusy] = useState(false);

  const attach = async () => {
    const picked = await platform.openFiles({
      title: 'Attach CSV files',
      filters: CSV_FILTER,
      multiple: true,
    });
    for (const file of picked) {
      try {
        const dataset = await repositories.tasks.attachDataset(task.id, file.name, file.data);
        await importTaskDataset(task.id, dataset, file.data);
      } catch (caught) {
        notify('red', errorMessage(caught), `Could not attach ${file.name}`);
      }
    }
  };

  return (
    <Fieldset legend="Datasets">
      <Stack gap="sm">
        {task.datasets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No datasets attached. The analyst receives each CSV exactly as attached here.
          </Text>
        ) : (
          <List listStyleType="none" spacing="sm" aria-label="Attached datasets">
            {task.datasets.map((dataset) => (
              <TaskDatasetItem
                key={dataset.path}
                taskId={task.id}
                dataset={dataset}
                actions={
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => {
                      repositories.tasks.detachDataset(task.id, dataset.path).catch((caught: unknown) => {
                        notify('red', errorMessage(caught), `Could not remove ${dataset.path}`);
                      });
                    }}
                  >
                    Remove {dataset.name}
                  </Button>
                }
              />
            ))}
          </List>
        )}
        <Group>
          <Button
            variant="light"
            loading={busy}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            onClick={() => {
              setBusy(true);
              attach()
                .catch((caught: unknown) => {
                  notify('red', errorMessage(caught), 'Could not open the files');
                })
                .finally(() => {
                  setBusy(false);
                });
            }}
          >
            Attach CSV
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
