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

  it('shows an unknown type plainly and survives odd data', () => {
    expect(describeEvent({ type: 'finding.edited', data: {} })).toBe('Finding edited');
    expect(describeEvent({ type: 'task.state-changed', data: { from: 42 } })).toBe(
      'Moved the task from an unknown state to an unknown state',
    );
  });
});
