import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { TaskDraftFields, TaskRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { BriefField } from './BriefField';
import { ChecklistField } from './ChecklistField';
import { DatasetsField } from './DatasetsField';
import { PersonField } from './PersonField';
import { QuestionsField } from './QuestionsField';
import { fromLocalDateTime, toLocalDateTime } from './local-date-time';
import { notify } from './notify';

const PRIORITIES: { value: TaskRecord['priority']; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'normal', label: 'Normal' },
  { value: 'high', label: 'High' },
  { value: 'urgent', label: 'Urgent' },
];

function draftFields(task: TaskRecord): TaskDraftFields {
  const { title, client, brief, questions, due, priority, estimateHours, analyst, reviewer } = task;
  return {
    title,
    client,
    brief,
    questions,
    due,
    priority,
    estimateHours,
    ...(analyst ? { analyst } : {}),
    ...(reviewer ? { reviewer } : {}),
    checklistName: task.checklistName,
    checklist: task.checklist,
  };
}

/**
 * Edits a draft. Text fields are kept here until "Save draft" (one audit event per save, not per
 * keystroke); datasets are stored as soon as they are attached. Drafts may be incomplete.
 */
export function TaskEditor(props: { task: TaskRecord; onDone: () => void }) {
  const { task } = props;
  const [fields, setFields] = useState<TaskDraftFields>(() => draftFields(task));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<TaskDraftFields>) => {
    setFields((current) => ({ ...current, ...change }));
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      // An update leaves a property it does not mention alone, so clearing a person must say so.
      await repositories.tasks.updateDraft(task.id, {
        ...fields,
        analyst: fields.analyst,
        reviewer: fields.reviewer,
      });
      notify('green', 'Draft saved.');
      props.onDone();
    } catch (caught) {
      setError(`Could not save the draft: ${errorMessage(caught)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack
      gap="md"
      component="form"
      aria-label="Task editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Title order={2} size="h3">
        Edit draft
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Title"
          value={fields.title}
          onChange={(e) => {
            set({ title: e.currentTarget.value });
          }}
        />
        <TextInput
          label="Client"
          value={fields.client}
          onChange={(e) => {
            set({ client: e.currentTarget.value });
          }}
        />
      </SimpleGrid>
      <BriefField
        value={fields.brief}
        onChange={(brief) => {
          set({ brief });
        }}
      />
      <QuestionsField
        value={fields.questions}
        onChange={(questions) => {
          set({ questions });
        }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="datetime-local"
          label="Due"
          value={toLocalDateTime(fields.due)}
          onChange={(e) => {
            set({ due: fromLocalDateTime(e.currentTarget.value) });
          }}
        />
        <NativeSelect
          label="Priority"
          data={PRIORITIES}
          value={fields.priority}
          onChange={(e) => {
            set({ priority: e.currentTarget.value as TaskRecord['priority'] });
          }}
        />
        <NumberInput
          label="Estimated effort (hours)"
          min={0}
          step={0.5}
          decimalScale={2}
          value={fields.estimateHours}
          onChange={(value) => {
            set({ estimateHours: typeof value === 'number' ? value : Number(value) || 0 });
          }}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PersonField
          label="Analyst"
          role="analyst"
          value={fields.analyst}
          onChange={(analyst) => {
            set({ analyst });
          }}
        />
        <PersonField
          label="Reviewer"
          role="reviewer"
          value={fields.reviewer}
          onChange={(reviewer) => {
            set({ reviewer });
          }}
        />
      </SimpleGrid>
      <DatasetsField task={task} />
      <ChecklistField
        value={{ name: fields.checklistName, items: fields.checklist }}
        onChange={({ name, items }) => {
          set({ checklistName: name, checklist: items });
        }}
      />
      {error && (
        <Alert color="red" role="alert" title="Not saved">
          {error}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={saving}>
          Save draft
        </Button>
        <Button variant="default" onClick={props.onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
