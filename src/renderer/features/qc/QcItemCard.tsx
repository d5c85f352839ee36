import {
  Badge,
  Group,
  List,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QcCheckOutcome } from '@core/workflow';
import { AUTOMATIC_CHECK_LABELS, isAutomaticCheckId } from '@core/workflow';
import { useState } from 'react';
import type { ChecklistItemRecord, EvidenceOption, QcResultPatch, QcResultRecord } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';

export const SEVERITY_COLORS: Readonly<Record<ChecklistItemRecord['severity'], string>> = {
  critical: 'red',
  major: 'orange',
  minor: 'gray',
};

/**
 * The computed result's badge: white 11px bold text on Mantine's darkest green (green.9, #2b8a3e)
 * is 4.36:1, below WCAG AA's 4.5:1, so a darker green is used (6.1:1). red.9 already passes (5.4:1).
 */
const COMPUTED_BADGE_COLORS = { pass: '#237032', fail: 'red.9' } as const;

const RESULT_OPTIONS = [
  { value: 'pass', label: 'Pass' },
  { value: 'fail', label: 'Fail' },
  { value: 'not-applicable', label: 'Not applicable' },
];

const GROUPS = ['Charts', 'Views', 'Findings', 'Sources'] as const;

/** Evidence choices: the task's own items by group, plus whatever free text is already recorded. */
function evidenceData(options: readonly EvidenceOption[], current: readonly string[]) {
  const known = new Set(options.map((o) => o.value));
  const groups = GROUPS.map((group) => ({
    group,
    items: options.filter((o) => o.group === group).map(({ value, label }) => ({ value, label })),
  }));
  const freeText = current
    .filter((value) => !known.has(value))
    .map((value) => {
      // A link to something no longer in the task reads as such, not as an opaque id.
      const link = /^(chart|view|finding|source):[A-Za-z0-9_-]+$/.exec(value);
      return { value, label: link ? `Missing ${link[1] ?? ''} (no longer in this task)` : value };
    });
  return [...groups, { group: 'Other', items: freeText }].filter((g) => g.items.length > 0);
}

/** A text field saved when it loses focus, so typing does not write an audit event per key. */
function SavedOnBlur(props: {
  label: string;
  value: string;
  disabled: boolean;
  required?: boolean;
  description?: string;
  onSave: (value: string) => void;
}) {
  const [text, setText] = useState(props.value);
  return (
    <Textarea
      label={props.label}
      description={props.description}
      withAsterisk={props.required}
      autosize
      minRows={1}
      disabled={props.disabled}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
      }}
      onBlur={() => {
        if (text !== props.value) props.onSave(text);
      }}
    />
  );
}

export interface QcItemCardProps {
  taskId: string;
  item: ChecklistItemRecord;
  number: number;
  result: QcResultRecord | undefined;
  /** Set for automatic items: what the app computed. */
  automatic: QcCheckOutcome | undefined;
  evidenceOptions: readonly EvidenceOption[];
  readOnly: boolean;
}

/** One checklist item: severity, evidence marker, result (or computed state), comment, evidence, justification. */
export function QcItemCard(props: QcItemCardProps) {
  const { taskId, item, number, result, automatic, readOnly } = props;
  const [freeText, setFreeText] = useState('');
  const evidence = result?.evidence ?? [];
  const isAutomatic = item.automaticCheck !== undefined;
  const effective = isAutomatic ? (automatic?.state ?? 'open') : (result?.result ?? 'open');
  const needsJustification =
    item.severity === 'critical'
      ? effective !== 'pass' && effective !== 'open'
      : isAutomatic && effective === 'fail';
  const label = `QC item ${number}: ${item.text}`;

  const save = (patch: QcResultPatch) => {
    repositories.qc.mark(taskId, item.id, patch).catch((caught: unknown) => {
      notifications.show({
        color: 'red',
        title: `QC item ${number} was not saved`,
        message: errorMessage(caught),
      });
    });
  };

  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={label}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={500}>
            {number}. {item.text}
          </Text>
          <Group gap={6} wrap="nowrap">
            <Badge color={SEVERITY_COLORS[item.severity]} variant="light">
              {item.severity}
            </Badge>
            {item.evidenceRequired && (
              <Badge color={'blue'} variant="outline">
                Evidence required
              </Badge>
            )}
          </Group>
        </Group>

        {isAutomatic ? (
          <Stack gap={4}>
            <Group gap="xs">
              <Text size="sm">
                Automatic check:{' '}
                {isAutomaticCheckId(item.automaticCheck)
                  ? AUTOMATIC_CHECK_LABELS[item.automaticCheck]
                  : item.automaticCheck}
              </Text>
              <Badge
                color={COMPUTED_BADGE_COLORS[effective === 'pass' ? 'pass' : 'fail']}
                aria-label={`Computed result: ${effective}`}
              >
                {effective === 'pass' ? 'Passes' : 'Fails'}
              </Badge>
            </Group>
            {automatic && automatic.reasons.length > 0 && (
              <List size="sm" aria-label={`Why QC item ${number} fails`}>
                {automatic.reasons.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        ) : (
          <SegmentedControl
            aria-label={`Result for ${item.text}`}
            disabled={readOnly}
            data={RESULT_OPTIONS}
            value={result?.result === 'open' ? '' : (result?.result ?? '')}
            onChange={(value) => {
              save({ result: value as QcResultRecord['result'] });
            }}
          />
        )}

        <SavedOnBlur
          label={`Comment on item ${number}`}
          value={result?.comment ?? ''}
          disabled={readOnly}
          onSave={(comment) => {
            save({ comment });
          }}
        />

        <Group align="flex-end" grow>
          <MultiSelect
            label={`Evidence for item ${number}`}
            placeholder={evidence.length === 0 ? 'Pick a chart, view, finding or source' : undefined}
            searchable
            clearable
            // Read-only, not disabled: once submitted, the recorded evidence is content to read, and
            // disabled pills are greyed below AA contrast in the dark theme.
            readOnly={readOnly}
            data={evidenceData(props.evidenceOptions, evidence)}
            value={evidence}
            onChange={(values) => {
              save({ evidence: values });
            }}
          />
          <TextInput
            label={`Other evidence for item ${number}`}
            description="A reference outside the app; press Enter to add it."
            disabled={readOnly}
            value={freeText}
            onChange={(e) => {
              setFreeText(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || freeText.trim() === '') return;
              e.preventDefault();
              save({ evidence: [...evidence, freeText.trim()] });
              setFreeText('');
            }}
          />
        </Group>

        {(needsJustification || (result?.justification ?? '') !== '') && (
          <SavedOnBlur
            label={`Justification for item ${number}`}
            description="Why this item may leave without passing."
            required={needsJustification}
            value={result?.justification ?? ''}
            disabled={readOnly}
            onSave={(justification) => {
              save({ justification });
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
