import { describe, expect, it } from 'vitest';
import { checkApproval } from './approval-gate';

const checklist = [
  { id: 'a', text: 'Every question answered' },
  { id: 'b', text: 'Sources cited' },
];

describe('checkApproval', () => {
  it('allows approval when every item has a verdict and every thread is resolved', () => {
    expect(
      checkApproval({
        checklist,
        verdicts: [{ itemId: 'a' }, { itemId: 'b' }],
        comments: [
          { id: 'c1', target: 'answer:1', resolved: true },
          { id: 'c2', parentId: 'c1', target: 'answer:1', resolved: false },
        ],
      }),
    ).toEqual({ allowed: true });
  });

  it('returns every reason: each unreviewed item and each open thread', () => {
    const gate = checkApproval({
      checklist,
      verdicts: [{ itemId: 'a' }],
      comments: [
        { id: 'c1', target: 'chart:c1', resolved: false },
        { id: 'c2', target: 'qc:a', resolved: true },
        { id: 'c3', target: 'section:Findings', resolved: false },
      ],
    });
    expect(gate).toEqual({
      allowed: false,
      reasons: [
        'QC item "Sources cited" has no reviewer verdict',
        'the comment on chart c1 is not resolved',
        'the comment on report section "Findings" is not resolved',
      ],
    });
  });

  it('names targets readably and says which open threads are about something no longer shown', () => {
    const gate = checkApproval({
      checklist: [],
      verdicts: [],
      comments: [
        { id: 'c1', target: 'chart:c1', resolved: false },
        { id: 'c2', target: 'answer:2', resolved: false },
        { id: 'c3', parentId: 'c2', target: 'answer:2', resolved: false },
      ],
      describeTarget: (target) => (target === 'chart:c1' ? 'chart "Growth"' : 'the answer to question 2'),
      shownTargets: new Set(['answer:2']),
    });
    expect(gate).toEqual({
      allowed: false,
      reasons: [
        'the comment on chart "Growth" is not resolved (it is about something no longer in this version; see "Comments on things no longer in this version")',
        'the comment on the answer to question 2 is not resolved',
      ],
    });
  });

  it('treats a reply whose thread start is missing as a thread of its own', () => {
    const gate = checkApproval({
      checklist: [],
      verdicts: [],
      comments: [{ id: 'r', parentId: 'deleted', target: 'report', resolved: false }],
    });
    expect(gate.allowed).toBe(false);
  });
});
