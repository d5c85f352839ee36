/**
 * The viewer's editable state (what the filter builder, group-by panel, header clicks and the
 * columns menu change) and its translation to and from a ViewSpec. Conditions the user is still
 * typing are kept in the draft but left out of the spec, with a note saying why, so the row count
 * follows every keystroke without ever evaluating half a filter.
 */
import type {
  Aggregate,
  AggregateOp,
  ColumnSchema,
  ColumnType,
  FilterCondition,
  FilterGroup,
  FilterLiteral,
  FilterOp,
  KeyExpr,
  SortKey,
  ViewSpec,
  ViewSpecInput,
} from '@core/table';
import { TIME_BUCKETS, encodingKindOf, formatDateTime, parseAs, parseDateTime } from '@core/table';

export interface ConditionDraft {
  readonly id: string;
  readonly kind: 'condition';
  readonly column: string;
  readonly op: FilterOp;
  /** Single value, and the lower bound of `between`. */
  readonly value: string;
  /** Upper bound of `between`. */
  readonly value2: string;
  /** For `inList`. */
  readonly values: readonly string[];
}

export interface GroupDraft {
  readonly id: string;
  readonly kind: 'group';
  readonly combinator: 'and' | 'or';
  /** One level of nesting: a group holds conditions only. */
  readonly children: readonly ConditionDraft[];
}

export interface FilterDraft {
  readonly combinator: 'and' | 'or';
  readonly children: readonly (ConditionDraft | GroupDraft)[];
}

export type ViewMode = 'rows' | 'group' | 'pivot';

export interface PivotDraft {
  readonly rows: KeyExpr | undefined;
  readonly columns: KeyExpr | undefined;
  readonly aggregate: Aggregate;
}

export interface ViewDraft {
  readonly filters: FilterDraft;
  readonly sort: readonly SortKey[];
  readonly mode: ViewMode;
  /** Row mode: column order (all source columns) and the hidden ones. */
  readonly order: readonly string[] | undefined;
  readonly hidden: readonly string[];
  readonly groupKeys: readonly KeyExpr[];
  readonly aggregates: readonly Aggregate[];
  readonly pivot: PivotDraft;
}

export const EMPTY_DRAFT: ViewDraft = {
  filters: { combinator: 'and', children: [] },
  sort: [],
  mode: 'rows',
  order: undefined,
  hidden: [],
  groupKeys: [],
  aggregates: [{ op: 'count' }],
  pivot: { rows: undefined, columns: undefined, aggregate: { op: 'count' } },
};

export const OP_LABELS: Record<FilterOp, string> = {
  equals: 'equals',
  notEquals: 'not equals',
  lessThan: '<',
  lessOrEqual: '≤',
  greaterThan: '>',
  greaterOrEqual: '≥',
  between: 'between',
  contains: 'contains',
  startsWith: 'starts with',
  inList: 'in list',
  isMissing: 'is missing',
  isNotMissing: 'is not missing',
};

/** Operators that make sense for a column type, in menu order. */
export function operatorsFor(type: ColumnType): FilterOp[] {
  const presence: FilterOp[] = ['isMissing', 'isNotMissing'];
  switch (encodingKindOf(type)) {
    case 'boolean':
      return ['equals', 'notEquals', 'inList', ...presence];
    case 'number':
    case 'time':
      return [
        'equals',
        'notEquals',
        'lessThan',
        'lessOrEqual',
        'greaterThan',
        'greaterOrEqual',
        'between',
        'inList',
        ...presence,
      ];
    case 'string':
      return [
        'equals',
        'notEquals',
        'contains',
        'startsWith',
        'inList',
        'lessThan',
        'lessOrEqual',
        'greaterThan',
        'greaterOrEqual',
        'between',
        ...presence,
      ];
  }
}

export const AGGREGATE_LABELS: Record<AggregateOp, string> = {
  count: 'count',
  sum: 'sum',
  mean: 'mean',
  min: 'min',
  max: 'max',
  median: 'median',
  distinct: 'distinct count',
};

/** Aggregates that apply to a column type (count of rows needs no column). */
export function aggregatesFor(type: ColumnType): AggregateOp[] {
  switch (encodingKindOf(type)) {
    case 'number':
      return ['count', 'sum', 'mean', 'min', 'max', 'median', 'distinct'];
    case 'time':
      return ['count', 'min', 'max', 'median', 'distinct'];
    case 'string':
      return ['count', 'min', 'max', 'distinct'];
    case 'boolean':
      return ['count', 'distinct'];
  }
}

let idCounter = 0;
export function newId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

export function newCondition(column: ColumnSchema, op?: FilterOp, value = ''): ConditionDraft {
  return {
    id: newId('c'),
    kind: 'condition',
    column: column.name,
    op: op ?? (encodingKindOf(column.type) === 'string' ? 'contains' : 'equals'),
    value,
    value2: '',
    values: [],
  };
}

export interface DraftNote {
  readonly conditionId: string;
  readonly message: string;
}

/** Parses what the user typed as a literal for `type`; a string describing the problem otherwise. */
export function parseLiteral(
  text: string,
  type: ColumnType,
): { ok: true; value: FilterLiteral } | { ok: false; message: string } {
  const trimmed = text.trim();
  const kind = encodingKindOf(type);
  if (kind === 'string') return { ok: true, value: text };
  if (trimmed === '') return { ok: false, message: 'enter a value' };
  if (kind === 'time') {
    const ms = parseDateTime(trimmed);
    return Number.isNaN(ms)
      ? { ok: false, message: `"${trimmed}" is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)` }
      : { ok: true, value: trimmed };
  }
  const parsed = parseAs(trimmed, kind === 'number' ? 'decimal' : type);
  if (parsed === undefined)
    return {
      ok: false,
      message: `"${trimmed}" is not a ${type === 'boolean' ? 'true/false value' : 'number'}`,
    };
  return { ok: true, value: parsed };
}

/** The condition for the spec, or why it cannot be applied yet. */
function conditionToSpec(draft: ConditionDraft, columns: readonly ColumnSchema[]): FilterCondition | string {
  const column = columns.find((c) => c.name === draft.column);
  const note = (message: string): string => message;
  if (column === undefined) return note(`there is no column "${draft.column}"`);
  if (!operatorsFor(column.type).includes(draft.op))
    return note(`"${OP_LABELS[draft.op]}" does not apply to ${column.type} columns`);
  const base = { kind: 'condition' as const, column: column.name, op: draft.op };
  switch (draft.op) {
    case 'isMissing':
    case 'isNotMissing':
      return base;
    case 'between': {
      const lo = parseLiteral(draft.value, column.type);
      const hi = parseLiteral(draft.value2, column.type);
      if (!lo.ok) return note(`from: ${lo.message}`);
      if (!hi.ok) return note(`to: ${hi.message}`);
      return { ...base, range: [lo.value, hi.value] };
    }
    case 'inList': {
      if (draft.values.length === 0) return note('add at least one value');
      const values: FilterLiteral[] = [];
      for (const text of draft.values) {
        const parsed = parseLiteral(text, column.type);
        if (!parsed.ok) return note(parsed.message);
        values.push(parsed.value);
      }
      return { ...base, values };
    }
    default: {
      // An empty text value is a condition still being typed (the importer stores no empty strings).
      if (encodingKindOf(column.type) === 'string' && draft.value === '') return note('enter a value');
      const parsed = parseLiteral(draft.value, column.type);
      if (!parsed.ok) return note(parsed.message);
      return { ...base, value: parsed.value };
    }
  }
}

/** The spec's filter group, and notes for conditions left out because they are incomplete or invalid. */
export function filtersToSpec(
  filters: FilterDraft,
  columns: readonly ColumnSchema[],
): { filters: FilterGroup; notes: DraftNote[] } {
  const notes: DraftNote[] = [];
  const children: (FilterCondition | FilterGroup)[] = [];
  const convert = (draft: ConditionDraft): FilterCondition[] => {
    const cond = conditionToSpec(draft, columns);
    if (typeof cond !== 'string') return [cond];
    notes.push({ conditionId: draft.id, message: cond });
    return [];
  };
  for (const child of filters.children) {
    if (child.kind === 'condition') children.push(...convert(child));
    else {
      const inner = child.children.flatMap(convert);
      if (inner.length > 0) children.push({ kind: 'group', combinator: child.combinator, children: inner });
    }
  }
  return { filters: { kind: 'group', combinator: filters.combinator, children }, notes };
}

export interface DraftSpec {
  readonly spec: ViewSpecInput;
  /** The filters as applied (conditions still being typed left out). */
  readonly filters: FilterGroup;
  readonly notes: readonly DraftNote[];
  /** Why a group-by / pivot is not applied yet (e.g. no key chosen). */
  readonly modeNote?: string;
}

/** The ViewSpec for the current draft over a dataset with these source columns. */
export function draftToSpec(draft: ViewDraft, columns: readonly ColumnSchema[]): DraftSpec {
  const { filters, notes } = filtersToSpec(draft.filters, columns);
  const names = new Set(columns.map((c) => c.name));
  const spec: { -readonly [K in keyof ViewSpecInput]: ViewSpecInput[K] } = { version: 1, filters };
  let modeNote: string | undefined;
  let mode = draft.mode;
  if (mode === 'group') {
    const keys = draft.groupKeys.filter((k) => names.has(k.column));
    const aggregates = draft.aggregates.filter((a) => a.column === undefined || names.has(a.column));
    if (keys.length === 0) modeNote = 'Choose at least one column to group by.';
    else if (aggregates.length === 0) modeNote = 'Add at least one aggregate.';
    else spec.groupBy = { keys, aggregates };
    if (spec.groupBy === undefined) mode = 'rows';
  } else if (mode === 'pivot') {
    const { rows, columns: cols, aggregate } = draft.pivot;
    if (rows === undefined || cols === undefined || !names.has(rows.column) || !names.has(cols.column))
      modeNote = 'Choose a row key and a column key to pivot.';
    else if (rows.column === cols.column && rows.bucket === cols.bucket)
      modeNote = 'The row key and the column key must differ.';
    else spec.pivot = { rows, columns: cols, aggregate };
    if (spec.pivot === undefined) mode = 'rows';
  }
  if (mode === 'rows' && draft.mode === 'rows') {
    const order = draft.order?.filter((n) => names.has(n)) ?? columns.map((c) => c.name);
    const missing = columns.map((c) => c.name).filter((n) => !order.includes(n));
    const visible = [...order, ...missing].filter((n) => !draft.hidden.includes(n));
    if (draft.hidden.length > 0 || draft.order !== undefined) spec.columns = visible;
  }
  // Sort keys name result columns; in row mode they must be source columns.
  spec.sort = mode === 'rows' ? draft.sort.filter((s) => names.has(s.column)) : [...draft.sort];
  return { spec, filters, notes, modeNote };
}

function literalText(value: FilterLiteral, type: ColumnType | undefined): string {
  if (typeof value === 'number' && type !== undefined && encodingKindOf(type) === 'time')
    return formatDateTime(value);
  return String(value);
}

function conditionFromSpec(c: FilterCondition, columns: readonly ColumnSchema[]): ConditionDraft {
  const type = columns.find((col) => col.name === c.column)?.type;
  return {
    id: newId('c'),
    kind: 'condition',
    column: c.column,
    op: c.op,
    value: c.value !== undefined ? literalText(c.value, type) : c.range ? literalText(c.range[0], type) : '',
    value2: c.range ? literalText(c.range[1], type) : '',
    values: (c.values ?? []).map((v) => literalText(v, type)),
  };
}

/** Flattens one level deeper than the editor shows into the nearest group (a saved view from elsewhere). */
function flatConditions(group: FilterGroup): FilterCondition[] {
  return group.children.flatMap((c) => (c.kind === 'condition' ? [c] : flatConditions(c)));
}

/** The draft that reproduces a saved spec (reopening a saved view). */
export function specToDraft(spec: ViewSpec, columns: readonly ColumnSchema[]): ViewDraft {
  const filters: FilterDraft = {
    combinator: spec.filters.combinator,
    children: spec.filters.children.map((child) =>
      child.kind === 'condition'
        ? conditionFromSpec(child, columns)
        : {
            id: newId('g'),
            kind: 'group' as const,
            combinator: child.combinator,
            children: flatConditions(child).map((c) => conditionFromSpec(c, columns)),
          },
    ),
  };
  const mode: ViewMode = spec.groupBy ? 'group' : spec.pivot ? 'pivot' : 'rows';
  const order = spec.columns && !spec.groupBy && !spec.pivot ? spec.columns : undefined;
  const hidden = order ? columns.map((c) => c.name).filter((n) => !order.includes(n)) : [];
  return {
    filters,
    sort: spec.sort,
    mode,
    order: order ? [...order, ...hidden] : undefined,
    hidden,
    groupKeys: spec.groupBy?.keys ?? [],
    aggregates: spec.groupBy?.aggregates ?? EMPTY_DRAFT.aggregates,
    pivot: spec.pivot
      ? { rows: spec.pivot.rows, columns: spec.pivot.columns, aggregate: spec.pivot.aggregate }
      : EMPTY_DRAFT.pivot,
  };
}

/**
 * Header click: plain click sorts by that column alone (asc, then desc, then unsorted); with Shift it
 * adds the column as the next key, or flips / removes it if it is already a key.
 */
export function toggleSort(sort: readonly SortKey[], column: string, additive: boolean): SortKey[] {
  const existing = sort.find((s) => s.column === column);
  const next = (k: SortKey | undefined): SortKey | undefined =>
    k === undefined
      ? { column, direction: 'asc' }
      : k.direction === 'asc'
        ? { column, direction: 'desc' }
        : undefined;
  if (!additive) {
    const key = next(sort.length === 1 ? existing : undefined);
    return key ? [key] : [];
  }
  const key = next(existing);
  if (existing === undefined) return key ? [...sort, key] : [...sort];
  return sort.flatMap((s) => (s.column === column ? (key ? [key] : []) : [s]));
}

/** Moves a column past its visible neighbour to the left (-1) or right (+1) in the full column order. */
export function moveColumn(
  order: readonly string[],
  column: string,
  delta: -1 | 1,
  hidden: readonly string[] = [],
): string[] {
  const out = [...order];
  const i = out.indexOf(column);
  if (i < 0) return out;
  let j = i + delta;
  while (j >= 0 && j < out.length && hidden.includes(out[j] as string)) j += delta;
  if (j < 0 || j >= out.length) return out;
  out.splice(i, 1);
  out.splice(j, 0, column);
  return out;
}

/** A grouping key as a select option value: the column, or "column|bucket" for a calendar bucket. */
export function keyOption(key: KeyExpr): string {
  return key.bucket === undefined ? key.column : `${key.column}|${key.bucket}`;
}

export function keyFromOption(value: string, columns: readonly ColumnSchema[]): KeyExpr | undefined {
  if (columns.some((c) => c.name === value)) return { column: value };
  const bar = value.lastIndexOf('|');
  const bucket = bar === -1 ? undefined : value.slice(bar + 1);
  const name = bar === -1 ? value : value.slice(0, bar);
  const column = columns.find((c) => c.name === name);
  if (column === undefined) return undefined;
  if (bucket === undefined) return { column: name };
  if (encodingKindOf(column.type) !== 'time' || !(TIME_BUCKETS as readonly string[]).includes(bucket))
    return undefined;
  return { column: name, bucket: bucket as KeyExpr['bucket'] };
}

/** Options for choosing grouping keys: every column, and year/month/day buckets of date columns. */
export function keyOptions(columns: readonly ColumnSchema[]): { value: string; label: string }[] {
  return columns.flatMap((c) => [
    { value: c.name, label: c.name },
    ...(encodingKindOf(c.type) === 'time'
      ? TIME_BUCKETS.map((bucket) => ({ value: `${c.name}|${bucket}`, label: `${c.name} by ${bucket}` }))
      : []),
  ]);
}
