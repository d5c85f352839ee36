import { Alert, Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { TimeEntryRecord } from '../../db';
import { localDay, repositories, UserInputError } from '../../db';
import { errorMessage } from '../common/error-message';

interface Draft {
  date: string;
  hours: number | string;
  minutes: number | string;
  note: string;
}

const fromEntry = (entry: TimeEntryRecord | undefined): Draft =>
  entry
    ? {
        date: entry.date,
        hours: Math.floor(entry.minutes / 60),
        minutes: entry.minutes % 60,
        note: entry.note,
      }
    : { date: localDay(new Date()), hours: 0, minutes: 0, note: '' };

/** Logs a manual entry, or edits `editing` when given. */
export function TimeEntryForm(props: { taskId: string; editing?: TimeEntryRecord; onDone?: () => void }) {
  const { taskId, editing } = props;
  const [draft, setDraft] = useState<Draft>(() => fromEntry(editing));
  const [error, setError] = useState<{ message: string; field: string | undefined }>();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      const input = {
        date: draft.date,
        minutes: Math.round(Number(draft.hours || 0) * 60 + Number(draft.minutes || 0)),
        note: draft.note,
      };
      if (editing) await repositories.timeEntries.update(editing.id, input);
      else await repositories.timeEntries.add(taskId, input);
      setDraft(fromEntry(undefined));
      setError(undefined);
      props.onDone?.();
    } catch (caught) {
      setError({
        message: errorMessage(caught),
        field: caught instanceof UserInputError ? caught.field : undefined,
      });
    }
  };
  const errorFor = (field: string) => (error?.field === field ? error.message : undefined);

  return (
    <form
      aria-label={editing ? 'Edit time entry' : 'Log time'}
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <Stack gap="sm">
        <Group align="flex-start">
          <TextInput
            type="date"
            label="Date"
            value={draft.date}
            error={errorFor('date')}
            onChange={(e) => {
              setDraft({ ...draft, date: e.currentTarget.value });
            }}
          />
          <NumberInput
            label="Hours"
            w={90}
            min={0}
            max={24}
            allowDecimal={false}
            value={draft.hours}
            error={errorFor('minutes')}
            onChange={(hours) => {
              setDraft({ ...draft, hours });
            }}
          />
          <NumberInput
            label="Minutes"
            w={90}
            min={0}
            max={59}
            allowDecimal={false}
            value={draft.minutes}
            onChange={(minutes) => {
              setDraft({ ...draft, minutes });
            }}
          />
          <TextInput
            label="Note"
            style={{ flex: 1 }}
            value={draft.note}
            error={errorFor('note')}
            onChange={(e) => {
              setDraft({ ...draft, note: e.currentTarget.value });
            }}
          />
        </Group>
        {error && !error.field && (
          <Alert color={'red'} role="alert">
            {error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit">{editing ? 'Save entry' : 'Log time'}</Button>
          {editing && (
            <Button variant="subtle" onClick={props.onDone}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
