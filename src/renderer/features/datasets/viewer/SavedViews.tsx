import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Popover,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ViewSpec } from '@core/table';
import { IconBookmark, IconPencil, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { SavedView } from '../../../db';
import { repositories } from '../../../db';
import { errorMessage } from '../../common/error-message';

/** A modal asking for a view name; errors (empty, taken) are shown on the field. */
function NameModal(props: {
  title: string;
  initial: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<string>();
  const submit = async () => {
    try {
      await props.onSubmit(name);
      props.onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
      title={props.title}
      onClose={props.onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            label="View name"
            data-autofocus
            value={name}
            error={error}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setError(undefined);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit">{props.submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Save the current ViewSpec under a name; list, reopen, rename and delete this dataset's views. While
 * `readOnly` (a task whose work is locked uses the dataset) views can only be listed and reopened.
 */
export function SavedViews(props: {
  datasetId: string;
  readOnly: boolean;
  /** The id of the element that says why the views are read-only, for the disabled controls. */
  lockReasonId: string | undefined;
  currentSpec: unknown;
  activeViewId: string | undefined;
  onOpen: (view: SavedView & { spec: ViewSpec }) => void;
  /** A view was saved from the current state (it becomes the active one). */
  onSaved: (id: string) => void;
}) {
  const views = useLiveQuery(async () => repositories.savedViews.list(props.datasetId), [props.datasetId]);
  const [opened, setOpened] = useState(false);
  const [naming, setNaming] = useState<{ mode: 'save' } | { mode: 'rename'; view: SavedView }>();

  const active = views?.find((v) => v.id === props.activeViewId);
  const updateActive = async (view: SavedView) => {
    try {
      await repositories.savedViews.update(view.id, props.currentSpec);
      notifications.show({ message: `Updated view “${view.name}”.` });
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not update the view', message: errorMessage(caught) });
    }
  };

  return (
    <>
      {active && (
        <Button
          variant="default"
          size="sm"
          disabled={props.readOnly}
          aria-describedby={props.lockReasonId}
          onClick={() => {
            void updateActive(active);
          }}
        >
          Update “{active.name}”
        </Button>
      )}
      <Button
        variant="default"
        size="sm"
        disabled={props.readOnly}
        aria-describedby={props.lockReasonId}
        onClick={() => {
          setNaming({ mode: 'save' });
        }}
      >
        Save view
      </Button>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} withinPortal>
        <Popover.Target>
          <Button
            variant="default"
            size="sm"
            leftSection={<IconBookmark size={16} aria-hidden />}
            onClick={() => {
              setOpened((o) => !o);
            }}
          >
            Saved views{views && views.length > 0 ? ` (${views.length})` : ''}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap={4} role="list" aria-label="Saved views" data-testid="saved-views">
            {views?.length === 0 && (
              <Text size="sm" c="dimmed">
                No saved views yet. Filter, sort or group the data, then “Save view”.
              </Text>
            )}
            {views?.map((view) => (
              <Group key={view.id} role="listitem" gap="xs" wrap="nowrap" justify="space-between">
                <UnstyledButton
                  disabled={view.spec === undefined}
                  aria-label={`Open view ${view.name}`}
                  onClick={() => {
                    if (view.spec === undefined) return;
                    props.onOpen(view);
                    setOpened(false);
                  }}
                  style={{ flex: 1, minWidth: 0 }}
                >
                  <Text size="sm" truncate fw={view.id === props.activeViewId ? 700 : 400}>
                    {view.name}
                  </Text>
                  {view.problem && (
                    <Text size="xs" c="red">
                      {view.problem}
                    </Text>
                  )}
                </UnstyledButton>
                <Tooltip label="Rename">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={props.readOnly}
                    aria-describedby={props.lockReasonId}
                    aria-label={`Rename view ${view.name}`}
                    onClick={() => {
                      setOpened(false);
                      setNaming({ mode: 'rename', view });
                    }}
                  >
                    <IconPencil size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Delete">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={props.readOnly}
                    aria-describedby={props.lockReasonId}
                    aria-label={`Delete view ${view.name}`}
                    onClick={() => {
                      repositories.savedViews.remove(view.id).then(
                        () => {
                          notifications.show({ message: `Deleted view “${view.name}”.` });
                        },
                        (caught: unknown) => {
                          notifications.show({
                            color: 'red',
                            title: 'Could not delete',
                            message: errorMessage(caught),
                          });
                        },
                      );
                    }}
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {naming?.mode === 'save' && (
        <NameModal
          title="Save view"
          initial=""
          submitLabel="Save"
          onClose={() => {
            setNaming(undefined);
          }}
          onSubmit={async (name) => {
            const saved = await repositories.savedViews.save({
              datasetId: props.datasetId,
              name,
              spec: props.currentSpec,
            });
            props.onSaved(saved.id);
            notifications.show({ message: `Saved view “${saved.name}”.` });
          }}
        />
      )}
      {naming?.mode === 'rename' && (
        <NameModal
          title={`Rename view “${naming.view.name}”`}
          initial={naming.view.name}
          submitLabel="Rename"
          onClose={() => {
            setNaming(undefined);
          }}
          onSubmit={async (name) => {
            await repositories.savedViews.rename(naming.view.id, name);
          }}
        />
      )}
    </>
  );
}
