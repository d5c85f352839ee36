import { checklistSchema } from '@core/package';
import { describe, expect, it } from 'vitest';
import type { QcResultRecord, TaskRecord } from '../../db';
import { toChecklist } from './deliverable-content';

const checklist: TaskRecord['checklist'] = [
  {
    id: 'charts',
    text: 'Every chart labelled',
    severity: 'major',
    evidenceRequired: false,
    automaticCheck: 'every-chart-labelled',
  },
  {
    id: 'time',
    text: 'Time logged',
    severity: 'minor',
    evidenceRequired: false,
    automaticCheck: 'time-logged',
  },
  { id: 'sources', text: 'Sources cited', severity: 'critical', evidenceRequired: true },
];

const result = (itemId: string, patch: Partial<QcResultRecord>): QcResultRecord => ({
  taskId: 't1',
  itemId,
  result: 'open',
  comment: '',
  evidence: [],
  justification: '',
  ...patch,
});

describe('toChecklist', () => {
  const frozen = toChecklist(
    {
      task: { checklist } as TaskRecord,
      qcResults: [
        result('charts', { result: 'pass', justification: 'Axis labels follow in v2' }),
        result('sources', {
          result: 'fail',
          evidence: ['source:s1', ' ', 'E-mail of 3 March'],
          comment: 'Old',
        }),
      ],
    },
    {
      'every-chart-labelled': { state: 'fail', reasons: ["Chart 'Sales' has no y-axis label"] },
      'time-logged': { state: 'pass', reasons: [] },
    },
  );

  it('freezes an automatic item with the computed result and why it was computed so', () => {
    expect(frozen.items[0]).toEqual({
      ...checklist[0],
      result: 'fail',
      justification: 'Axis labels follow in v2',
      automaticReasons: ["Chart 'Sales' has no y-axis label"],
    });
    expect(frozen.items[1]).toEqual({ ...checklist[1], result: 'pass', automaticReasons: [] });
  });

  it('freezes a manual item with its comment and non-blank evidence, and no automatic reasons', () => {
    expect(frozen.items[2]).toEqual({
      ...checklist[2],
      result: 'fail',
      comment: 'Old',
      evidence: ['source:s1', 'E-mail of 3 March'],
    });
  });

  it('writes what the package schema reads back unchanged, and still reads a checklist without reasons', () => {
    expect(checklistSchema.parse(frozen)).toEqual(frozen);
    const older = { items: [{ ...checklist[0], result: 'pass' }] };
    expect(checklistSchema.parse(older)).toEqual(older);
  });
});
