import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ChecklistItemRecord } from '../../db';
import { repositories } from '../../db';
import { AutomaticCheckSelect, withAutomaticCheck } from '../qc/templates/AutomaticCheckSelect';

const SEVERITIES: { value: ChecklistItemRecord['severity']; label: string }[] = [
  { value: 'critical', label: 'Critical' },
  { value: 'major', label: 'Major' },
  { value: 'minor', label: 'Minor' },
];

export interface ChecklistValue {
  name: string;
  items: ChecklistItemRecord[];
}

/** The task's QC checklist: copied from a template (or started empty), then edited for this task. */
export function ChecklistField(props: { value: ChecklistValue; onChange: (value: ChecklistValue) => void }) {
  const { value, onChange } = props;
  const templates = useLiveQuery(async () => repositories.checklistTemplates.list(), []);
  const [templateId, setTemplateId] = useState('');
  const setItems = (items: ChecklistItemRecord[]) => {
    onChange({ ...value, items });
  };
  const editItem = (index: number, change: Partial<ChecklistItemRecord>) => {
    setItems(value.items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  };

  return (
    <Fieldset legend="QC checklist">
      <Stack gap="sm">
        <Group align="flex-end" gap="xs">
          <NativeSelect
            label="Template"
            value={templateId}
            onChange={(event) => {
              setTemplateId(event.currentTarget.value);
            }}
            data={[
              { value: '', label: templates?.length ? 'Choose a template…' : 'No templates yet' },
              ...(templates ?? []).map((t) => ({
                value: t.id,
                label: `${t.name}${t.builtIn ? ' (built in)' : ''} · ${t.items.length} items`,
              })),
            ]}
          />
          <Button
            variant="default"
            disabled={templateId === ''}
            onClick={() => {
              const template = templates?.find((t) => t.id === templateId);
              if (template)
                onChange({ name: template.name, items: template.items.map((item) => ({ ...item })) });
            }}
          >
            Use template
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Using a template replaces the items below with a copy of its items; edits here change only this
          task.
        </Text>
        <TextInput
          label="Checklist name"
          value={value.name}
          onChange={(event) => {
            onChange({ ...value, name: event.currentTarget.value });
          }}
        />
        {value.items.map((item, index) => (
          <Stack key={item.id} gap={4} data-testid="checklist-item">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={`Checklist item ${index + 1}`}
                value={item.text}
                onChange={(event) => {
                  editItem(index, { text: event.currentTarget.value });
                }}
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Remove checklist item ${index + 1}`}
                onClick={() => {
                  setItems(value.items.filter((_, i) => i !== index));
                }}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <Group gap="xs" align="flex-end">
              <NativeSelect
                label={`Severity of item ${index + 1}`}
                value={item.severity}
                data={SEVERITIES}
                onChange={(event) => {
                  editItem(index, {
                    severity: event.currentTarget.value as ChecklistItemRecord['severity'],
                  });
                }}
              />
              {/* Shown so rewriting an item's text never leaves a hidden check deciding it. */}
              <AutomaticCheckSelect
                label={`Automatic check of item ${index + 1}`}
                value={item.automaticCheck}
                onChange={(check) => {
                  setItems(value.items.map((it, i) => (i === index ? withAutomaticCheck(it, check) : it)));
                }}
              />
              <Checkbox
                mb={8}
                label="Evidence required"
                aria-label={`Evidence required for item ${index + 1}`}
                checked={item.evidenceRequired}
                onChange={(event) => {
                  editItem(index, { evidenceRequired: event.currentTarget.checked });
                }}
              />
            </Group>
          </Stack>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              setItems([
                ...value.items,
                { id: globalThis.crypto.randomUUID(), text: '', severity: 'major', evidenceRequired: false },
              ]);
            }}
          >
            Add checklist item
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
