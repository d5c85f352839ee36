import { describe, expect, it } from 'vitest';
import { dueCountdown } from './due-countdown';

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
