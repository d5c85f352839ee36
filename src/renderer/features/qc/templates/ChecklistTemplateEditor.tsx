import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { ChecklistItemRecord, ChecklistTemplateEntry, ChecklistTemplateInput } from '../../../db';
import { repositories } from '../../../db';
import { errorMessage } from '../../common/error-message';
import { AutomaticCheckSelect, withAutomaticCheck } from './AutomaticCheckSelect';

const SEVERITY_OPTIONS = [
  { value: 'critical', label: 'Critical' },
  { value: 'major', label: 'Major' },
  { value: 'minor', label: 'Minor' },
];

function newItem(): ChecklistItemRecord {
  return { id: `item-${crypto.randomUUID()}`, text: '', severity: 'major', evidenceRequired: false };
}

function ItemFields(props: {
  item: ChecklistItemRecord;
  index: number;
  count: number;
  onChange: (item: ChecklistItemRecord) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const { item, index, count, onChange } = props;
  const n = index + 1;
  return (
    <Paper withBorder p="sm" radius="sm" component="li" aria-label={`Item ${n}`}>
      <Stack gap="xs">
        <Group align="flex-start" wrap="nowrap">
          <Textarea
            style={{ flex: 1 }}
            label={`Item ${n} text`}
            autosize
            minRows={1}
            value={item.text}
            onChange={(e) => {
              onChange({ ...item, text: e.currentTarget.value });
            }}
          />
          <Group gap={4} mt={24} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={`Move item ${n} up`}
              disabled={index === 0}
              onClick={() => {
                props.onMove(-1);
              }}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Move item ${n} down`}
              disabled={index === count - 1}
              onClick={() => {
                props.onMove(1);
              }}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Delete item ${n}`} onClick={props.onDelete}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <Group align="flex-end">
          <Select
            label={`Item ${n} severity`}
            data={SEVERITY_OPTIONS}
            allowDeselect={false}
            value={item.severity}
            onChange={(value) => {
              if (value) onChange({ ...item, severity: value as ChecklistItemRecord['severity'] });
            }}
          />
          <AutomaticCheckSelect
            label={`Item ${n} automatic check`}
            value={item.automaticCheck}
            onChange={(check) => {
              onChange(withAutomaticCheck(item, check));
            }}
          />
          <Checkbox
            mb={8}
            label={`Item ${n} requires evidence`}
            checked={item.evidenceRequired}
            onChange={(e) => {
              onChange({ ...item, evidenceRequired: e.currentTarget.checked });
            }}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

/** Edits one user template: name, description and items (text, severity, evidence, check, order). */
export function ChecklistTemplateEditor(props: { template: ChecklistTemplateEntry; onClose: () => void }) {
  const { template, onClose } = props;
  const [draft, setDraft] = useState<ChecklistTemplateInput>({
    name: template.name,
    description: template.description,
    items: template.items,
  });
  const [error, setError] = useState<string>();

  const setItems = (update: (items: ChecklistItemRecord[]) => ChecklistItemRecord[]) => {
    setDraft((d) => ({ ...d, items: update(d.items) }));
  };
  const move = (index: number, delta: -1 | 1) => {
    setItems((items) => {
      const next = [...items];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + delta, 0, moved);
      return next;
    });
  };

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      await repositories.checklistTemplates.update(template.id, draft);
      notifications.show({ color: 'green', message: `Saved the template ${draft.name.trim()}.` });
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <form
      aria-label={`Edit template ${template.name}`}
      onSubmit={(event) => {
        void save(event);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Template name"
          value={draft.name}
          onChange={(e) => {
            setDraft({ ...draft, name: e.currentTarget.value });
          }}
        />
        <Textarea
          label="Template description"
          autosize
          minRows={1}
          value={draft.description}
          onChange={(e) => {
            setDraft({ ...draft, description: e.currentTarget.value });
          }}
        />
        <Text size="sm" fw={500}>
          Items ({draft.items.length})
        </Text>
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {draft.items.map((item, index) => (
            <ItemFields
              key={item.id}
              item={item}
              index={index}
              count={draft.items.length}
              onChange={(changed) => {
                setItems((items) => items.map((i, at) => (at === index ? changed : i)));
              }}
              onMove={(delta) => {
                move(index, delta);
              }}
              onDelete={() => {
                setItems((items) => items.filter((_, at) => at !== index));
              }}
            />
          ))}
        </Stack>
        {error && (
          <Alert color={'red'} role="alert" title="The template was not saved">
            {error}
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => {
              setItems((items) => [...items, newItem()]);
            }}
          >
            Add item
          </Button>
          <Button type="submit">Save template</Button>
          <Button variant="subtle" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
