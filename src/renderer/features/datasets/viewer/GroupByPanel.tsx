import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import type { Aggregate, AggregateOp, ColumnSchema, KeyExpr } from '@core/table';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { PivotDraft, ViewDraft } from './view-draft';
import { AGGREGATE_LABELS, aggregatesFor, keyFromOption, keyOption, keyOptions } from './view-draft';

const ROWS = '(rows)';

function AggregateEditor(props: {
  columns: readonly ColumnSchema[];
  value: Aggregate;
  label: string;
  onChange: (next: Aggregate) => void;
}) {
  const { columns, value } = props;
  const column = columns.find((c) => c.name === value.column);
  const ops: AggregateOp[] = column ? aggregatesFor(column.type) : ['count'];
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        size="xs"
        w={140}
        aria-label={`${props.label} function`}
        allowDeselect={false}
        data={ops.map((op) => ({ value: op, label: AGGREGATE_LABELS[op] }))}
        value={value.op}
        onChange={(op) => {
          if (op) props.onChange({ ...value, op: op });
        }}
      />
      <Text size="xs">of</Text>
      <Select
        size="xs"
        w={170}
        aria-label={`${props.label} column`}
        allowDeselect={false}
        searchable
        data={[ROWS, ...columns.map((c) => c.name)]}
        value={value.column ?? ROWS}
        onChange={(name) => {
          const next = columns.find((c) => c.name === name);
          if (!next) {
            props.onChange({ op: 'count' });
            return;
          }
          const allowed = aggregatesFor(next.type);
          props.onChange({ column: next.name, op: allowed.includes(value.op) ? value.op : 'count' });
        }}
      />
    </Group>
  );
}

function keySelect(
  label: string,
  columns: readonly ColumnSchema[],
  value: KeyExpr | undefined,
  onChange: (key: KeyExpr | undefined) => void,
) {
  return (
    <Select
      size="xs"
      w={180}
      label={label}
      searchable
      data={keyOptions(columns)}
      value={value ? keyOption(value) : null}
      onChange={(option) => {
        onChange(option ? keyFromOption(option, columns) : undefined);
      }}
    />
  );
}

/** Rows / group-by / pivot. The result replaces the rows in the same grid, where it can be sorted too. */
export function GroupByPanel(props: {
  columns: readonly ColumnSchema[];
  draft: ViewDraft;
  note: string | undefined;
  onChange: (patch: Partial<ViewDraft>) => void;
}) {
  const { columns, draft, onChange } = props;
  const setPivot = (patch: Partial<PivotDraft>) => {
    onChange({ pivot: { ...draft.pivot, ...patch }, sort: [] });
  };
  return (
    <Paper withBorder p="sm" component="section" aria-label="Group by" data-testid="group-by-panel">
      <Stack gap="xs">
        <SegmentedControl
          size="xs"
          w="fit-content"
          aria-label="Show"
          value={draft.mode}
          data={[
            { value: 'rows', label: 'Rows' },
            { value: 'group', label: 'Group by' },
            { value: 'pivot', label: 'Pivot' },
          ]}
          onChange={(mode) => {
            onChange({ mode: mode, sort: [] });
          }}
        />
        {draft.mode === 'group' && (
          <>
            <MultiSelect
              size="xs"
              label="Group by columns"
              searchable
              data={keyOptions(columns)}
              value={draft.groupKeys.map(keyOption)}
              onChange={(options) => {
                onChange({
                  groupKeys: options.flatMap((o) => keyFromOption(o, columns) ?? []),
                  sort: [],
                });
              }}
            />
            <Text size="xs" fw={600}>
              Aggregates
            </Text>
            {draft.aggregates.map((aggregate, i) => (
              <Group key={i} gap="xs" wrap="nowrap">
                <AggregateEditor
                  columns={columns}
                  value={aggregate}
                  label={`Aggregate ${i + 1}`}
                  onChange={(next) => {
                    onChange({ aggregates: draft.aggregates.map((a, k) => (k === i ? next : a)), sort: [] });
                  }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove aggregate ${i + 1}`}
                  onClick={() => {
                    onChange({ aggregates: draft.aggregates.filter((_, k) => k !== i), sort: [] });
                  }}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              size="compact-sm"
              variant="light"
              w="fit-content"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => {
                onChange({ aggregates: [...draft.aggregates, { op: 'count' }] });
              }}
            >
              Add aggregate
            </Button>
          </>
        )}
        {draft.mode === 'pivot' && (
          <>
            <Group gap="xs" align="flex-end">
              {keySelect('Rows', columns, draft.pivot.rows, (rows) => {
                setPivot({ rows });
              })}
              {keySelect('Columns', columns, draft.pivot.columns, (cols) => {
                setPivot({ columns: cols });
              })}
            </Group>
            <AggregateEditor
              columns={columns}
              value={draft.pivot.aggregate}
              label="Cell"
              onChange={(aggregate) => {
                setPivot({ aggregate });
              }}
            />
          </>
        )}
        {props.note && (
          <Text size="xs" c="red.9">
            {props.note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
