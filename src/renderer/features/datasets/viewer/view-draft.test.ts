import type { ColumnSchema } from '@core/table';
import { parseViewSpec } from '@core/table';
import { describe, expect, it } from 'vitest';
import type { ConditionDraft, ViewDraft } from './view-draft';
import {
  EMPTY_DRAFT,
  draftToSpec,
  keyFromOption,
  keyOption,
  keyOptions,
  moveColumn,
  newCondition,
  operatorsFor,
  specToDraft,
  toggleSort,
} from './view-draft';

const COLUMNS: ColumnSchema[] = [
  { name: 'region', type: 'category' },
  { name: 'price', type: 'decimal' },
  { name: 'sold_on', type: 'date' },
  { name: 'paid', type: 'boolean' },
];

const col = (name: string): ColumnSchema => COLUMNS.find((c) => c.name === name) as ColumnSchema;
const cond = (name: string, patch: Partial<ConditionDraft>): ConditionDraft => ({
  ...newCondition(col(name)),
  ...patch,
});

describe('filter builder state to ViewSpec', () => {
  it('types literals by column, keeps AND/OR groups, and produces a spec the schema accepts', () => {
    const draft: ViewDraft = {
      ...EMPTY_DRAFT,
      filters: {
        combinator: 'and',
        children: [
          cond('price', { op: 'between', value: ' 1.5', value2: '10' }),
          {
            id: 'g1',
            kind: 'group',
            combinator: 'or',
            children: [
              cond('region', { op: 'inList', values: ['North', 'South'] }),
              cond('paid', { op: 'equals', value: 'yes' }),
              cond('sold_on', { op: 'greaterOrEqual', value: '2026-02-01' }),
            ],
          },
          cond('region', { op: 'isMissing' }),
        ],
      },
    };
    const { spec, notes } = draftToSpec(draft, COLUMNS);
    expect(notes).toEqual([]);
    expect(parseViewSpec(spec).filters).toEqual({
      kind: 'group',
      combinator: 'and',
      children: [
        { kind: 'condition', column: 'price', op: 'between', range: [1.5, 10] },
        {
          kind: 'group',
          combinator: 'or',
          children: [
            { kind: 'condition', column: 'region', op: 'inList', values: ['North', 'South'] },
            { kind: 'condition', column: 'paid', op: 'equals', value: true },
            { kind: 'condition', column: 'sold_on', op: 'greaterOrEqual', value: '2026-02-01' },
          ],
        },
        { kind: 'condition', column: 'region', op: 'isMissing' },
      ],
    });
  });

  it('leaves out conditions still being typed or invalid, with a note for each, and drops emptied groups', () => {
    const typing = cond('region', { op: 'contains', value: '' });
    const badNumber = cond('price', { op: 'greaterThan', value: '12,5' });
    const badDate = cond('sold_on', { op: 'between', value: '2026-01-01', value2: '01/02/2026' });
    const wrongOp = cond('paid', { op: 'contains', value: 'x' });
    const draft: ViewDraft = {
      ...EMPTY_DRAFT,
      filters: {
        combinator: 'or',
        children: [
          typing,
          badNumber,
          { id: 'g', kind: 'group', combinator: 'and', children: [badDate] },
          wrongOp,
        ],
      },
    };
    const { spec, notes } = draftToSpec(draft, COLUMNS);
    expect(spec.filters).toEqual({ kind: 'group', combinator: 'or', children: [] });
    expect(notes.map((n) => n.conditionId)).toEqual([typing.id, badNumber.id, badDate.id, wrongOp.id]);
    expect(notes[1]?.message).toBe('"12,5" is not a number');
    expect(notes[2]?.message).toMatch(/^to: "01\/02\/2026" is not a date/);
    expect(notes[3]?.message).toBe('"contains" does not apply to boolean columns');
  });

  it('offers operators by type', () => {
    expect(operatorsFor('boolean')).not.toContain('lessThan');
    expect(operatorsFor('integer')).not.toContain('contains');
    expect(operatorsFor('text')).toEqual(
      expect.arrayContaining(['contains', 'startsWith', 'inList', 'isMissing']),
    );
  });
});

describe('group-by, pivot and columns in the spec', () => {
  it('applies group-by only once it has a key, and keeps result-column sort keys', () => {
    const noKey = draftToSpec({ ...EMPTY_DRAFT, mode: 'group' }, COLUMNS);
    expect(noKey.spec.groupBy).toBeUndefined();
    expect(noKey.modeNote).toMatch(/at least one column/);
    const grouped = draftToSpec(
      {
        ...EMPTY_DRAFT,
        mode: 'group',
        groupKeys: [{ column: 'region' }],
        aggregates: [{ op: 'count' }, { op: 'mean', column: 'price' }],
        sort: [{ column: 'mean(price)', direction: 'desc' }],
        hidden: ['price'],
      },
      COLUMNS,
    );
    expect(parseViewSpec(grouped.spec)).toMatchObject({
      groupBy: {
        keys: [{ column: 'region' }],
        aggregates: [{ op: 'count' }, { op: 'mean', column: 'price' }],
      },
      sort: [{ column: 'mean(price)', direction: 'desc' }],
    });
    // Hidden source columns do not apply to a grouped result.
    expect(grouped.spec.columns).toBeUndefined();
  });

  it('pivots two different keys only', () => {
    const same = draftToSpec(
      {
        ...EMPTY_DRAFT,
        mode: 'pivot',
        pivot: { rows: { column: 'region' }, columns: { column: 'region' }, aggregate: { op: 'count' } },
      },
      COLUMNS,
    );
    expect(same.spec.pivot).toBeUndefined();
    expect(same.modeNote).toMatch(/must differ/);
    const ok = draftToSpec(
      {
        ...EMPTY_DRAFT,
        mode: 'pivot',
        pivot: {
          rows: { column: 'region' },
          columns: { column: 'sold_on', bucket: 'month' },
          aggregate: { op: 'sum', column: 'price' },
        },
      },
      COLUMNS,
    );
    expect(parseViewSpec(ok.spec).pivot?.columns).toEqual({ column: 'sold_on', bucket: 'month' });
  });

  it('lists visible columns in the chosen order only when the user changed them', () => {
    expect(draftToSpec(EMPTY_DRAFT, COLUMNS).spec.columns).toBeUndefined();
    const order = moveColumn(['region', 'price', 'sold_on', 'paid'], 'paid', -1, ['sold_on']);
    expect(order).toEqual(['region', 'paid', 'price', 'sold_on']);
    const { spec } = draftToSpec({ ...EMPTY_DRAFT, order, hidden: ['sold_on'] }, COLUMNS);
    expect(spec.columns).toEqual(['region', 'paid', 'price']);
    expect(moveColumn(order, 'region', -1)).toEqual(order);
  });

  it('reopens a saved spec as the same draft', () => {
    const draft: ViewDraft = {
      ...EMPTY_DRAFT,
      filters: {
        combinator: 'or',
        children: [
          cond('price', { op: 'lessThan', value: '3' }),
          {
            id: 'g',
            kind: 'group',
            combinator: 'and',
            children: [cond('sold_on', { op: 'between', value: '2026-01-01', value2: '2026-01-31' })],
          },
        ],
      },
      sort: [{ column: 'price', direction: 'asc' }],
      order: ['price', 'region', 'sold_on', 'paid'],
      hidden: ['paid'],
    };
    const spec = parseViewSpec(draftToSpec(draft, COLUMNS).spec);
    const reopened = specToDraft(spec, COLUMNS);
    expect(parseViewSpec(draftToSpec(reopened, COLUMNS).spec)).toEqual(spec);
    expect(reopened.hidden).toEqual(['paid']);
  });
});

describe('header sort clicks', () => {
  it('cycles one column asc, desc, off; Shift adds, flips and removes keys', () => {
    let sort = toggleSort([], 'a', false);
    expect(sort).toEqual([{ column: 'a', direction: 'asc' }]);
    sort = toggleSort(sort, 'a', false);
    expect(sort).toEqual([{ column: 'a', direction: 'desc' }]);
    expect(toggleSort(sort, 'a', false)).toEqual([]);
    sort = toggleSort(sort, 'b', true);
    expect(sort).toEqual([
      { column: 'a', direction: 'desc' },
      { column: 'b', direction: 'asc' },
    ]);
    sort = toggleSort(sort, 'a', true);
    expect(sort).toEqual([{ column: 'b', direction: 'asc' }]);
    // A plain click on another column replaces a multi-column sort.
    expect(toggleSort([...sort, { column: 'a', direction: 'asc' }], 'c', false)).toEqual([
      { column: 'c', direction: 'asc' },
    ]);
  });
});

describe('grouping key options', () => {
  it('offers calendar buckets for date columns only, and maps options back to key expressions', () => {
    const options = keyOptions(COLUMNS).map((o) => o.value);
    expect(options).toEqual([
      'region',
      'price',
      'sold_on',
      'sold_on|year',
      'sold_on|month',
      'sold_on|day',
      'paid',
    ]);
    expect(keyFromOption('sold_on|month', COLUMNS)).toEqual({ column: 'sold_on', bucket: 'month' });
    expect(keyFromOption('region', COLUMNS)).toEqual({ column: 'region' });
    expect(keyFromOption('region|month', COLUMNS)).toBeUndefined();
    expect(keyFromOption('nope', COLUMNS)).toBeUndefined();
    expect(keyOption({ column: 'sold_on', bucket: 'year' })).toBe('sold_on|year');
  });
});
