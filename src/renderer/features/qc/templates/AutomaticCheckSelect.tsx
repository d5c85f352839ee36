import { Select } from '@mantine/core';
import { AUTOMATIC_CHECK_IDS, AUTOMATIC_CHECK_LABELS, isAutomaticCheckId } from '@core/workflow';

const NO_CHECK = 'none';
const CHECK_OPTIONS = [
  { value: NO_CHECK, label: 'None: checked by the analyst' },
  ...AUTOMATIC_CHECK_IDS.map((id) => ({ value: id, label: AUTOMATIC_CHECK_LABELS[id] })),
];

/**
 * Which automatic check (if any) decides a checklist item, for template and task editors alike. A
 * check this version does not know (from a newer package) is shown as such rather than hidden.
 */
export function AutomaticCheckSelect(props: {
  label: string;
  value: string | undefined;
  onChange: (check: string | undefined) => void;
}) {
  const { value } = props;
  const unknown = value !== undefined && !isAutomaticCheckId(value);
  return (
    <Select
      label={props.label}
      data={unknown ? [...CHECK_OPTIONS, { value, label: `Unknown check "${value}"` }] : CHECK_OPTIONS}
      allowDeselect={false}
      value={value ?? NO_CHECK}
      onChange={(next) => {
        props.onChange(next && next !== NO_CHECK ? next : undefined);
      }}
    />
  );
}

/** The item with its automatic check set, or without one (no `automaticCheck: undefined` stored). */
export function withAutomaticCheck<T extends { automaticCheck?: string }>(
  item: T,
  check: string | undefined,
): T {
  const { automaticCheck: _previous, ...rest } = item;
  return (check === undefined ? rest : { ...rest, automaticCheck: check }) as T;
}
