import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import type { ColumnSchema } from '@core/table';
import { encodingKindOf } from '@core/table';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { ConditionDraft, DraftNote, FilterDraft, GroupDraft } from './view-draft';
import { OP_LABELS, newCondition, newId, operatorsFor } from './view-draft';

export interface FilterBuilderProps {
  readonly columns: readonly ColumnSchema[];
  readonly filters: FilterDraft;
  readonly notes: readonly DraftNote[];
  readonly onChange: (filters: FilterDraft) => void;
}

function placeholderFor(type: ColumnSchema['type']): string {
  switch (encodingKindOf(type)) {
    case 'number':
      return 'number';
    case 'time':
      return type === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:MM';
    case 'boolean':
      return 'true / false';
    case 'string':
      return 'text';
  }
}

function Combinator(props: { value: 'and' | 'or'; label: string; onChange: (value: 'and' | 'or') => void }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={props.label}
      value={props.value}
      data={[
        { value: 'and', label: 'All (AND)' },
        { value: 'or', label: 'Any (OR)' },
      ]}
      onChange={(value) => {
        props.onChange(value === 'or' ? 'or' : 'and');
      }}
    />
  );
}

function ConditionRow(props: {
  columns: readonly ColumnSchema[];
  condition: ConditionDraft;
  note: string | undefined;
  onChange: (next: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const { condition, columns } = props;
  const column = columns.find((c) => c.name === condition.column) ?? columns[0];
  const type = column?.type ?? 'text';
  const ops = operatorsFor(type);
  const update = (patch: Partial<ConditionDraft>) => {
    props.onChange({ ...condition, ...patch });
  };
  const valueInput = (label: string, value: string, key: 'value' | 'value2') =>
    type === 'boolean' ? (
      <Select
        size="xs"
        aria-label={label}
        w={110}
        data={['true', 'false']}
        value={value === '' ? null : value}
        onChange={(v) => {
          update({ [key]: v ?? '' });
        }}
      />
    ) : (
      <TextInput
        size="xs"
        aria-label={label}
        placeholder={placeholderFor(type)}
        w={160}
        value={value}
        onChange={(event) => {
          update({ [key]: event.currentTarget.value });
        }}
      />
    );
  return (
    <Stack gap={2} data-testid="filter-condition">
      <Group gap="xs" wrap="nowrap" align="center">
        <Select
          size="xs"
          aria-label="Column"
          w={170}
          searchable
          allowDeselect={false}
          data={columns.map((c) => ({ value: c.name, label: c.name }))}
          value={condition.column}
          onChange={(name) => {
            const next = columns.find((c) => c.name === name);
            if (!next) return;
            const nextOps = operatorsFor(next.type);
            update({
              column: next.name,
              op: nextOps.includes(condition.op) ? condition.op : nextOps[0],
            });
          }}
        />
        <Select
          size="xs"
          aria-label="Operator"
          w={140}
          allowDeselect={false}
          data={ops.map((op) => ({ value: op, label: OP_LABELS[op] }))}
          value={condition.op}
          onChange={(op) => {
            if (op) update({ op: op });
          }}
        />
        {condition.op === 'between' && (
          <>
            {valueInput('From', condition.value, 'value')}
            <Text size="xs">and</Text>
            {valueInput('To', condition.value2, 'value2')}
          </>
        )}
        {condition.op === 'inList' && (
          <TagsInput
            size="xs"
            aria-label="Values"
            placeholder="type a value, Enter"
            w={260}
            value={[...condition.values]}
            onChange={(values) => {
              update({ values });
            }}
          />
        )}
        {condition.op !== 'between' &&
          condition.op !== 'inList' &&
          condition.op !== 'isMissing' &&
          condition.op !== 'isNotMissing' &&
          valueInput('Value', condition.value, 'value')}
        <ActionIcon variant="subtle" color="gray" aria-label="Remove condition" onClick={props.onRemove}>
          <IconX size={14} aria-hidden />
        </ActionIcon>
      </Group>
      {props.note && (
        <Text size="xs" c="red.9" data-testid="filter-note">
          Not applied: {props.note}
        </Text>
      )}
    </Stack>
  );
}

/** AND/OR filter editor with one level of nested groups; every change re-runs the view (debounced). */
export function FilterBuilder(props: FilterBuilderProps) {
  const { columns, filters, onChange } = props;
  const noteOf = (id: string) => props.notes.find((n) => n.conditionId === id)?.message;
  const first = columns[0];
  if (!first) return null;
  const replaceChild = (id: string, next: ConditionDraft | GroupDraft | undefined) => {
    onChange({
      ...filters,
      children: filters.children.flatMap((c) => (c.id === id ? (next ? [next] : []) : [c])),
    });
  };
  return (
    <Paper withBorder p="sm" component="section" aria-label="Filters" data-testid="filter-builder">
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Rows matching
          </Text>
          <Combinator
            label="Combine conditions"
            value={filters.combinator}
            onChange={(combinator) => {
              onChange({ ...filters, combinator });
            }}
          />
        </Group>
        {filters.children.map((child) =>
          child.kind === 'condition' ? (
            <ConditionRow
              key={child.id}
              columns={columns}
              condition={child}
              note={noteOf(child.id)}
              onChange={(next) => {
                replaceChild(child.id, next);
              }}
              onRemove={() => {
                replaceChild(child.id, undefined);
              }}
            />
          ) : (
            <Paper
              key={child.id}
              withBorder
              p="xs"
              ml="md"
              component="fieldset"
              aria-label="Condition group"
              data-testid="filter-group"
            >
              <Stack gap="xs">
                <Group gap="xs">
                  <Text size="xs" fw={600}>
                    Group:
                  </Text>
                  <Combinator
                    label="Combine conditions in group"
                    value={child.combinator}
                    onChange={(combinator) => {
                      replaceChild(child.id, { ...child, combinator });
                    }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label="Remove group"
                    onClick={() => {
                      replaceChild(child.id, undefined);
                    }}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Group>
                {child.children.map((inner) => (
                  <ConditionRow
                    key={inner.id}
                    columns={columns}
                    condition={inner}
                    note={noteOf(inner.id)}
                    onChange={(next) => {
                      replaceChild(child.id, {
                        ...child,
                        children: child.children.map((c) => (c.id === inner.id ? next : c)),
                      });
                    }}
                    onRemove={() => {
                      replaceChild(child.id, {
                        ...child,
                        children: child.children.filter((c) => c.id !== inner.id),
                      });
                    }}
                  />
                ))}
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconPlus size={12} aria-hidden />}
                  w="fit-content"
                  onClick={() => {
                    replaceChild(child.id, { ...child, children: [...child.children, newCondition(first)] });
                  }}
                >
                  Add condition to group
                </Button>
              </Stack>
            </Paper>
          ),
        )}
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => {
              onChange({ ...filters, children: [...filters.children, newCondition(first)] });
            }}
          >
            Add condition
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => {
              onChange({
                ...filters,
                children: [
                  ...filters.children,
                  {
                    id: newId('g'),
                    kind: 'group',
                    combinator: filters.combinator === 'and' ? 'or' : 'and',
                    children: [newCondition(first)],
                  },
                ],
              });
            }}
          >
            Add group
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
