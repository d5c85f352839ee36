import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { isAnalystEditable } from '@core/workflow';
import { notifications } from '@mantine/notifications';
import { IconBooks, IconDownload, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { SourceRecord } from '../../db';
import { repositories } from '../../db';
import { platform } from '../../platform';
import { ConfirmDeleteModal } from '../common/ConfirmDeleteModal';
import { EmptyState } from '../common/EmptyState';
import { errorMessage } from '../common/error-message';
import { ReviewCommentsFor } from '../review/CommentThreads';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { SourceEditorModal } from './SourceEditorModal';

type Dialog =
  { kind: 'new' } | { kind: 'edit'; source: SourceRecord } | { kind: 'delete'; source: SourceRecord };

async function saveAttachment(source: SourceRecord): Promise<void> {
  try {
    const file = await repositories.sources.attachment(source.id);
    if (!file) throw new Error('the file is no longer stored');
    const extension = file.fileName.split('.').pop() ?? '';
    await platform.saveFile({
      suggestedName: file.fileName,
      filters: [{ name: file.mediaType, extensions: [extension] }],
      data: file.bytes,
    });
  } catch (caught) {
    notifications.show({
      color: 'red',
      message: `Could not save the file of "${source.title}": ${errorMessage(caught)}`,
    });
  }
}

async function openLink(source: SourceRecord): Promise<void> {
  try {
    await platform.openExternal(source.url);
  } catch (caught) {
    notifications.show({ color: 'red', message: `Could not open ${source.url}: ${errorMessage(caught)}` });
  }
}

function SourceCard({ source, actions }: { source: SourceRecord; actions: ReactNode }) {
  const fileName = source.attachmentPath?.split('/').pop();
  return (
    <Paper withBorder p="md" component="article" aria-label={source.title} data-testid="source">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {source.title}
        </Title>
        <Text size="sm" c="dimmed">
          {[source.author, source.accessed && `accessed ${source.accessed}`].filter(Boolean).join(' · ') ||
            'No author or date'}
        </Text>
        {source.url && (
          <Anchor
            href={source.url}
            size="sm"
            onClick={(event) => {
              event.preventDefault();
              void openLink(source);
            }}
            style={{ overflowWrap: 'anywhere' }}
          >
            {source.url}
          </Anchor>
        )}
        {source.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {source.notes}
          </Text>
        )}
        <Group gap="xs">
          {fileName && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} />}
              onClick={() => {
                void saveAttachment(source);
              }}
            >
              Save {fileName}
            </Button>
          )}
          {actions}
        </Group>
      </Stack>
    </Paper>
  );
}

export function SourcesTab({ task }: TaskTabProps) {
  const sources = useLiveQuery(async () => repositories.sources.list(task.id), [task.id]);
  const [dialog, setDialog] = useState<Dialog>();
  const editable = isAnalystEditable(task.state);
  if (sources === undefined) return null;
  const close = () => {
    setDialog(undefined);
  };

  const addButton = editable && (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => {
        setDialog({ kind: 'new' });
      }}
    >
      Add source
    </Button>
  );

  return (
    <Stack>
      <ReviewCommentsFor taskId={task.id} target="section:Sources" where={'report section "Sources"'} />
      {sources.length === 0 ? (
        <EmptyState icon={IconBooks} title="No sources yet" action={addButton}>
          {editable
            ? 'Keep the task’s research library here: reports, articles and data you rely on, with a file if you have one. Findings cite them.'
            : 'No sources were recorded for this task.'}
        </EmptyState>
      ) : (
        <>
          <Group justify="space-between">
            <Text c="dimmed" size="sm">
              {sources.length === 1 ? '1 source' : `${sources.length} sources`}
            </Text>
            {addButton}
          </Group>
          {sources.map((source) => (
            <SourceCard
              key={source.id}
              source={source}
              actions={
                editable && (
                  <>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setDialog({ kind: 'edit', source });
                      }}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        setDialog({ kind: 'delete', source });
                      }}
                    >
                      Delete
                    </Button>
                  </>
                )
              }
            />
          ))}
        </>
      )}
      {dialog?.kind === 'new' && <SourceEditorModal taskId={task.id} onClose={close} />}
      {dialog?.kind === 'edit' && (
        <SourceEditorModal taskId={task.id} source={dialog.source} onClose={close} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDeleteModal
          title={`Delete "${dialog.source.title}"?`}
          confirmLabel="Delete source"
          onConfirm={async () => repositories.sources.remove(dialog.source.id)}
          onClose={close}
        >
          The source and its attached file are removed from this task.
        </ConfirmDeleteModal>
      )}
    </Stack>
  );
}
