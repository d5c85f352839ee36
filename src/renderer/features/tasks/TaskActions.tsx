import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconCopy, IconFileExport, IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { navigateTo } from '../../app/use-hash-route';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { exportTaskPackage, TaskNotReadyError } from './export-task-package';
import { notify } from './notify';

type Problem = { title: string; lines: readonly string[] };

/** What can be done with the task from its overview, depending on who wrote it and where it stands. */
export function TaskActions({ task }: { task: TaskRecord }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const isDraft = task.origin === 'authored' && task.state === 'draft';

  const run = (name: string, title: string, action: () => Promise<void>) => {
    setBusy(name);
    setProblem(null);
    action()
      .catch((caught: unknown) => {
        setProblem(
          caught instanceof TaskNotReadyError
            ? { title, lines: caught.problems.map((p) => p.message) }
            : { title, lines: [errorMessage(caught)] },
        );
      })
      .finally(() => {
        setBusy(null);
      });
  };

  return (
    <Stack gap="sm">
      <Group gap="xs">
        {isDraft && (
          <>
            <Button
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => {
                navigateTo('inbox', `${task.id}/edit`);
              }}
            >
              Edit
            </Button>
            <Button
              variant="light"
              loading={busy === 'export'}
              leftSection={<IconFileExport size={16} aria-hidden />}
              onClick={() => {
                run('export', 'The task package was not exported', async () => {
                  if (await exportTaskPackage(task)) {
                    notify('green', `Task package for "${task.title}" saved; the task is assigned.`);
                  }
                });
              }}
            >
              Export task package
            </Button>
          </>
        )}
        {task.origin === 'received' && task.state === 'assigned' && (
          <Button
            loading={busy === 'start'}
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => {
              run('start', 'Work was not started', async () => {
                await repositories.tasks.transition(task.id, 'in_progress', 'analyst');
              });
            }}
          >
            Start work
          </Button>
        )}
        <Button
          variant="default"
          loading={busy === 'duplicate'}
          leftSection={<IconCopy size={16} aria-hidden />}
          onClick={() => {
            run('duplicate', 'The task was not duplicated', async () => {
              const copy = await repositories.tasks.duplicate(task.id);
              navigateTo('inbox', `${copy.id}/edit`);
            });
          }}
        >
          Duplicate
        </Button>
        {isDraft && (
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => {
              setConfirmDelete(true);
            }}
          >
            Delete draft
          </Button>
        )}
      </Group>
      {problem && (
        <Alert
          color="red"
          role="alert"
          title={problem.title}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          {problem.lines.length === 1 ? (
            problem.lines[0]
          ) : (
            <List size="sm">
              {problem.lines.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Modal
        opened={confirmDelete}
        onClose={() => {
          setConfirmDelete(false);
        }}
        title="Delete draft"
        closeButtonProps={{ 'aria-label': 'Close dialog' }}
      >
        <Stack>
          <Text>
            Delete the draft “{task.title || 'Untitled task'}” with its attached CSVs and its log? Datasets
            already imported stay in Datasets.
          </Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setConfirmDelete(false);
              }}
            >
              Keep it
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirmDelete(false);
                run('delete', 'The draft was not deleted', async () => {
                  await repositories.tasks.removeDraft(task.id);
                  navigateTo('inbox');
                });
              }}
            >
              Delete draft
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
