import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe-event';

describe('describeEvent', () => {
  it('words the known event types', () => {
    expect(describeEvent({ type: 'task.created', data: { title: 'Market sizing' } })).toBe(
      'Created the task “Market sizing”',
    );
    expect(
      describeEvent({
        type: 'task.state-changed',
        data: { from: 'in_progress', to: 'submitted', by: 'analyst' },
      }),
    ).toBe('Moved the task from in progress to submitted as analyst');
    expect(
      describeEvent({
        type: 'qc.item-marked',
        data: { itemId: 'a', text: 'Sources cited', result: 'not-applicable', changed: ['result'] },
      }),
    ).toBe('Marked QC item “Sources cited” not applicable');
    expect(
      describeEvent({
        type: 'qc.item-marked',
        data: { itemId: 'a', text: 'Sources cited', result: 'pass', changed: ['comment'] },
      }),
    ).toBe('Updated the comment of QC item “Sources cited”');
    expect(
      describeEvent({ type: 'time.logged', data: { minutes: 95, date: '2026-11-25', origin: 'timer' } }),
    ).toBe('Logged 1 h 35 min on 2026-11-25 from the timer');
    expect(
      describeEvent({
        type: 'time.edited',
        data: { before: { minutes: 30, date: '2026-11-24' }, after: { minutes: 45, date: '2026-11-25' } },
      }),
    ).toBe('Changed a time entry from 30 min on 2026-11-24 to 45 min on 2026-11-25');
  });

  it('words review events and decisions, naming targets readably', () => {
    expect(
      describeEvent({
        type: 'task.state-changed',
        data: { from: 'submitted', to: 'changes_requested', by: 'reviewer', version: 1, reason: 'Cite it.' },
      }),
    ).toBe('Moved the task from submitted to changes requested as reviewer (version 1): “Cite it.”');
    expect(
      describeEvent({
        type: 'package.received',
        data: { kind: 'review', reason: 'Cite it.', packageId: 'p' },
      }),
    ).toBe('Received a review package: “Cite it.”');
    expect(
      describeEvent({
        type: 'review.comment-added',
        data: { commentId: 'c', version: 2, target: 'section:Findings' },
      }),
    ).toBe('Commented on report section "Findings" (version 2)');
    expect(
      describeEvent(
        { type: 'review.comment-resolved', data: { commentId: 'c', target: 'chart:c1' } },
        (target) => (target === 'chart:c1' ? 'chart "Growth"' : target),
      ),
    ).toBe('Resolved the comment on chart "Growth"');
    expect(
      describeEvent({ type: 'review.qc-verdict', data: { version: 1, itemId: 'q2', verdict: 'disagree' } }),
    ).toBe('Disagreed with the analyst on QC item q2 (version 1)');
    expect(describeEvent({ type: 'review.comment-reopened', data: {} })).toBe(
      'Reopened the comment on part of the deliverable',
    );
  });

  it('shows an unknown type plainly and survives odd data', () => {
    expect(describeEvent({ type: 'finding.edited', data: {} })).toBe('Finding edited');
    expect(describeEvent({ type: 'task.state-changed', data: { from: 42 } })).toBe(
      'Moved the task from an unknown state to an unknown state',
    );
  });
});
