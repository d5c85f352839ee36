import { describe, expect, it } from 'vitest';
import type { HistoryComment } from './review-history';
import { feedbackCount, reviewHistory } from './review-history';

const REVIEWER = 'AAAAAAAAAAAAAAAA';
const ANALYST = 'BBBBBBBBBBBBBBBB';
const at = (hour: number) =>
  `2025-03-0${String(Math.floor(hour / 24) + 1)}T${String(hour % 24).padStart(2, '0')}:00:00Z`;
const event = (hour: number, actor: string, type: string, data: Record<string, unknown>) => ({
  at: at(hour),
  actor,
  type,
  data,
});

const comment = (
  id: string,
  version: number | null,
  target: string,
  extra: Partial<HistoryComment> = {},
) => ({
  id,
  version,
  target,
  author: { name: 'Rex Reviewer', keyId: REVIEWER },
  body: `comment ${id}`,
  at: at(version === null ? 1 : version * 10),
  resolved: false,
  ...extra,
});

// The log as the reviewer's deliverable carries it: the reviewer's own "changes requested" was set
// aside when the analyst's log (with its receipt of the review) was adopted for version 2.
const events = [
  event(1, ANALYST, 'submission.frozen', { version: 1 }),
  event(1, ANALYST, 'task.state-changed', {
    from: 'in_progress',
    to: 'submitted',
    by: 'analyst',
    version: 1,
  }),
  event(2, REVIEWER, 'package.received', { kind: 'submission', version: 1, packageId: 'S1' }),
  event(4, ANALYST, 'task.state-changed', {
    from: 'submitted',
    to: 'changes_requested',
    by: 'reviewer',
    via: 'R1',
  }),
  event(4, ANALYST, 'package.received', { kind: 'review', packageId: 'R1', reason: 'Quantify the growth.' }),
  event(5, ANALYST, 'submission.frozen', { version: 2 }),
  event(5, ANALYST, 'task.state-changed', {
    from: 'in_progress',
    to: 'submitted',
    by: 'analyst',
    version: 2,
  }),
  event(6, REVIEWER, 'audit.local-events-kept', {
    events: [
      event(3, REVIEWER, 'task.state-changed', {
        from: 'submitted',
        to: 'changes_requested',
        by: 'reviewer',
        version: 1,
        reason: 'Quantify the growth.',
        packageId: 'R1',
      }),
    ],
  }),
  event(7, REVIEWER, 'task.state-changed', { from: 'submitted', to: 'approved', by: 'reviewer', version: 2 }),
];

describe('reviewHistory', () => {
  it('puts each version’s threads, telling verdicts and decisions together, one change request once', () => {
    const rounds = reviewHistory({
      comments: [
        comment('a', 1, 'section:Findings'),
        comment('a1', 1, 'section:Findings', { parentId: 'a', body: 'Done.' }),
        comment('b', 2, 'chart:c1', { resolved: true }),
      ],
      verdicts: [
        { version: 2, itemId: 'q1', verdict: 'agree', comment: '', at: at(20) },
        { version: 2, itemId: 'q2', verdict: 'disagree', comment: 'One link is dead', at: at(20) },
        { version: 2, itemId: 'q3', verdict: 'agree', comment: 'Fine, but tighten it', at: at(20) },
      ],
      events,
    });
    expect(rounds.map((r) => r.version)).toEqual([1, 2]);
    const [first, second] = rounds;
    expect(first?.submittedAt).toBe(at(1));
    expect(first?.decisions).toEqual([
      {
        decision: 'changes-requested',
        at: at(3),
        reason: 'Quantify the growth.',
        role: 'reviewer',
        actor: REVIEWER,
      },
    ]);
    expect(first?.threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([['a', ['a1']]]);
    expect(second?.decisions).toEqual([
      { decision: 'approved', at: at(7), actor: REVIEWER, role: 'reviewer' },
    ]);
    expect(second?.threads.map((t) => t.root.id)).toEqual(['b']);
    expect(second?.verdicts.map((v) => v.itemId)).toEqual(['q2', 'q3']);
    expect(feedbackCount(rounds)).toBe(4);
  });

  it('takes the version of a change request from the submission before it, and never names the receiver as the decider', () => {
    const rounds = reviewHistory({
      comments: [],
      verdicts: [],
      events: [
        event(1, REVIEWER, 'package.received', { kind: 'submission', version: 3 }),
        event(2, ANALYST, 'package.received', { kind: 'review', packageId: 'R9', reason: 'Redo chart 2.' }),
      ],
    });
    expect(rounds).toEqual([
      {
        version: 3,
        submittedAt: at(1),
        decisions: [{ decision: 'changes-requested', at: at(2), reason: 'Redo chart 2.', role: 'reviewer' }],
        threads: [],
        verdicts: [],
      },
    ]);
  });

  it('lists comments whose version is not recorded last, on their own', () => {
    const rounds = reviewHistory({
      comments: [comment('x', null, 'report'), comment('y', 1, 'answer:1')],
      verdicts: [],
      events: [],
    });
    expect(rounds.map((r) => [r.version, r.threads.map((t) => t.root.id)])).toEqual([
      [1, ['y']],
      [null, ['x']],
    ]);
  });
});
