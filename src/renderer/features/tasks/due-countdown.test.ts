import { describe, expect, it } from 'vitest';
import { dueCountdown, dueStatus } from './due-countdown';

const now = new Date('2026-11-25T12:00:00.000Z');

describe('dueCountdown', () => {
  it('counts down in the largest whole unit', () => {
    expect(dueCountdown('2026-11-28T13:00:00.000Z', now)).toEqual({ text: 'due in 3 days', overdue: false });
    expect(dueCountdown('2026-11-26T11:59:00.000Z', now)).toEqual({
      text: 'due in 23 hours',
      overdue: false,
    });
    expect(dueCountdown('2026-11-25T12:01:30.000Z', now)).toEqual({
      text: 'due in 1 minute',
      overdue: false,
    });
    expect(dueCountdown('2026-11-25T12:00:00.000Z', now)).toEqual({
      text: 'due in 1 minute',
      overdue: false,
    });
  });

  it('says how long ago an overdue task was due', () => {
    expect(dueCountdown('2026-11-23T11:00:00.000Z', now)).toEqual({
      text: 'overdue by 2 days',
      overdue: true,
    });
    expect(dueCountdown('2026-11-25T10:30:00.000Z', now)).toEqual({
      text: 'overdue by 1 hour',
      overdue: true,
    });
  });

  it('handles a draft without a due date', () => {
    expect(dueCountdown('', now)).toEqual({ text: 'no due date', overdue: false });
    expect(dueCountdown('soon', now)).toEqual({ text: 'no due date', overdue: false });
  });
});

describe('dueStatus', () => {
  const due = '2026-11-25T12:00:00.000Z';
  const later = new Date('2026-12-20T09:00:00.000Z');

  it('counts down while the task is with the analyst, overdue included', () => {
    for (const state of ['draft', 'assigned', 'in_progress', 'changes_requested'] as const)
      expect(dueStatus({ due, state }, later, undefined)).toEqual({
        text: 'overdue by 24 days',
        overdue: true,
      });
  });

  it('says when submitted work was handed in against the due date, however long ago', () => {
    const submitted = (at: string) => ({ kind: 'submitted' as const, at });
    expect(dueStatus({ due, state: 'submitted' }, later, submitted('2026-11-23T10:00:00.000Z'))).toEqual({
      text: 'Submitted 2 days early',
      overdue: false,
    });
    expect(dueStatus({ due, state: 'approved' }, later, submitted('2026-11-26T13:00:00.000Z'))).toEqual({
      text: 'Submitted 1 day late',
      overdue: false,
    });
    expect(dueStatus({ due, state: 'submitted' }, later, submitted('2026-11-25T14:30:00.000Z')).text).toBe(
      'Submitted 2 hours late',
    );
    expect(dueStatus({ due, state: 'submitted' }, later, submitted('2026-11-25T11:59:30.000Z')).text).toBe(
      'Submitted on time',
    );
  });

  it('measures delivered work by its delivery', () => {
    const delivered = { kind: 'delivered' as const, at: '2026-11-24T12:00:00.000Z' };
    for (const state of ['delivered', 'accepted', 'rejected'] as const)
      expect(dueStatus({ due, state }, later, delivered).text).toBe('Delivered 1 day early');
  });

  it('never counts down once handed in, even when the time is not known', () => {
    expect(dueStatus({ due, state: 'submitted' }, later, undefined)).toEqual({
      text: 'Submitted',
      overdue: false,
    });
    expect(
      dueStatus({ due: '', state: 'delivered' }, later, { kind: 'delivered', at: '2026-11-24T12:00:00Z' }),
    ).toEqual({ text: 'Delivered (no due date)', overdue: false });
  });
});
