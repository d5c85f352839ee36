import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { SourceAttachmentInput, SourceFields, SourceRecord } from '../../db';
import { repositories, SOURCE_ATTACHMENT_EXTENSIONS, UserInputError } from '../../db';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';
import { WARNING_INK } from '../findings/ViewTablePreview';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Adds a source to the task (no `source`) or edits one; an attached file can be added, replaced or removed. */
export function SourceEditorModal({
  taskId,
  source,
  onClose,
}: {
  taskId: string;
  source?: SourceRecord;
  onClose: () => void;
}) {
  const [fields, setFields] = useState<SourceFields>(
    source
      ? {
          title: source.title,
          author: source.author,
          url: source.url,
          accessed: source.accessed,
          notes: source.notes,
        }
      : { title: '', author: '', url: '', accessed: today(), notes: '' },
  );
  /** undefined: keep the current file; null: remove it; a file: attach it. */
  const [attachment, setAttachment] = useState<SourceAttachmentInput | null>();
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<SourceFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setError(undefined);
  };
  const currentFile =
    attachment === null ? undefined : (attachment?.name ?? source?.attachmentPath?.split('/').pop());

  const pickFile = async () => {
    try {
      const [file] = await platform.openFiles({
        title: 'Attach a file to the source',
        filters: [{ name: 'PDF or image', extensions: SOURCE_ATTACHMENT_EXTENSIONS }],
      });
      if (file) setAttachment({ name: file.name, data: file.data });
    } catch (caught) {
      setError({ message: `Could not read the file: ${errorMessage(caught)}`, field: 'file' });
    }
  };

  const save = async () => {
    setSaving(true);
    try {
      if (source) await repositories.sources.update(source.id, fields, attachment);
      else await repositories.sources.create(taskId, fields, attachment ?? undefined);
      onClose();
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        field: caught instanceof UserInputError ? caught.field : undefined,
      });
      setSaving(false);
    }
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={source ? 'Edit source' : 'Add source'}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <TextInput
            label="Title"
            required
            value={fields.title}
            onChange={(e) => {
              set({ title: e.currentTarget.value });
            }}
            error={fieldError('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Author or organisation"
              value={fields.author}
              onChange={(e) => {
                set({ author: e.currentTarget.value });
              }}
              error={fieldError('author')}
            />
            <TextInput
              label="Date accessed"
              type="date"
              value={fields.accessed}
              onChange={(e) => {
                set({ accessed: e.currentTarget.value });
              }}
              error={fieldError('accessed')}
            />
          </SimpleGrid>
          <TextInput
            label="URL"
            placeholder="https://"
            value={fields.url}
            onChange={(e) => {
              set({ url: e.currentTarget.value });
            }}
            error={fieldError('url')}
          />
          <Textarea
            label="Excerpt or notes"
            autosize
            minRows={3}
            maxRows={12}
            value={fields.notes}
            onChange={(e) => {
              set({ notes: e.currentTarget.value });
            }}
            error={fieldError('notes')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Attached file
            </Text>
            <Group gap="xs">
              <Text size="sm" c={currentFile ? undefined : 'dimmed'} data-testid="source-attachment-name">
                {currentFile ?? 'None (PDF or image, up to 25 MB)'}
              </Text>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPaperclip size={14} />}
                onClick={() => {
                  void pickFile();
                }}
              >
                {currentFile ? 'Replace file' : 'Attach file'}
              </Button>
              {currentFile && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => {
                    setAttachment(source?.attachmentPath ? null : undefined);
                  }}
                >
                  Remove file
                </Button>
              )}
            </Group>
            {fieldError('file') && (
              <Text size="sm" role="alert" style={{ color: WARNING_INK }}>
                {fieldError('file')}
              </Text>
            )}
          </Stack>
          {error && !['title', 'author', 'accessed', 'url', 'notes', 'file'].includes(error.field ?? '') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {source ? 'Save source' : 'Add source'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
