import { describe, expect, it } from 'vitest';
import type { ChangeRequestEvent } from './change-request';
import { outstandingChangeRequest } from './change-request';

const event = (at: string, type: string, data: Record<string, unknown>): ChangeRequestEvent => ({
  at,
  type,
  data,
});

describe('outstandingChangeRequest', () => {
  it('returns the latest reason after the review came back', () => {
    const events = [
      event('1', 'task.state-changed', { from: 'in_progress', to: 'submitted' }),
      event('2', 'task.state-changed', { from: 'submitted', to: 'changes_requested', reason: 'First' }),
      event('3', 'task.state-changed', { from: 'changes_requested', to: 'in_progress' }),
      event('4', 'task.state-changed', { from: 'in_progress', to: 'submitted' }),
      event('5', 'package.received', { kind: 'review', packageId: 'p', reason: 'Second' }),
      event('6', 'task.state-changed', { from: 'changes_requested', to: 'in_progress' }),
    ];
    expect(outstandingChangeRequest(events)).toEqual({ reason: 'Second', at: '5' });
  });

  it('is gone once the analyst submits again', () => {
    const events = [
      event('1', 'task.state-changed', { from: 'submitted', to: 'changes_requested', reason: 'Fix it' }),
      event('2', 'task.state-changed', { from: 'in_progress', to: 'submitted' }),
    ];
    expect(outstandingChangeRequest(events)).toBeUndefined();
  });

  it('ignores events that carry no reason', () => {
    expect(
      outstandingChangeRequest([event('1', 'package.received', { kind: 'submission', reason: 'x' })]),
    ).toBeUndefined();
    expect(
      outstandingChangeRequest([event('1', 'task.state-changed', { to: 'changes_requested' })]),
    ).toBeUndefined();
  });
});
