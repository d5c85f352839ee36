import { describe, expect, it } from 'vitest';
import type { TaskState, WorkflowRole } from './task-state';
import {
  checkTransition,
  isAnalystEditable,
  isFinal,
  TASK_STATES,
  TASK_TRANSITIONS,
  WORKFLOW_ROLES,
  WorkflowError,
} from './task-state';

const ALLOWED: readonly [TaskState, TaskState, WorkflowRole][] = [
  ['draft', 'assigned', 'coordinator'],
  ['assigned', 'in_progress', 'analyst'],
  ['in_progress', 'submitted', 'analyst'],
  ['submitted', 'changes_requested', 'reviewer'],
  ['submitted', 'approved', 'reviewer'],
  ['changes_requested', 'in_progress', 'analyst'],
  ['approved', 'delivered', 'reviewer'],
  ['delivered', 'accepted', 'client'],
  ['delivered', 'rejected', 'client'],
];

describe('task state machine', () => {
  it('lists exactly the transitions of DESIGN.md §7', () => {
    expect(TASK_TRANSITIONS.map((t) => [t.from, t.to, t.by])).toEqual(ALLOWED);
  });

  it.each(ALLOWED)('allows %s → %s by the %s', (from, to, by) => {
    expect(checkTransition(from, to, by)).toMatchObject({ from, to, by });
  });

  it('refuses every allowed move made by any other role, naming who may make it', () => {
    for (const [from, to, by] of ALLOWED) {
      for (const role of WORKFLOW_ROLES.filter((r) => r !== by)) {
        expect(() => checkTransition(from, to, role)).toThrow(new RegExp(`Only the ${by} can`));
      }
    }
  });

  it('refuses every pair of states that is not a transition, for every role', () => {
    let refused = 0;
    for (const from of TASK_STATES) {
      for (const to of TASK_STATES) {
        if (ALLOWED.some(([f, t]) => f === from && t === to)) continue;
        for (const role of WORKFLOW_ROLES) {
          expect(() => checkTransition(from, to, role)).toThrow(WorkflowError);
          refused += 1;
        }
      }
    }
    expect(refused).toBe((TASK_STATES.length ** 2 - ALLOWED.length) * WORKFLOW_ROLES.length);
  });

  it('explains a refused move with the moves that are possible', () => {
    expect(() => checkTransition('submitted', 'delivered', 'reviewer')).toThrow(
      'A task that is submitted cannot become delivered; it can move to: Changes requested, Approved.',
    );
    expect(() => checkTransition('accepted', 'in_progress', 'analyst')).toThrow(/it is final/);
  });

  it('keeps submitted and later work read-only for the analyst', () => {
    expect(TASK_STATES.filter(isAnalystEditable)).toEqual(['assigned', 'in_progress', 'changes_requested']);
    expect(TASK_STATES.filter(isFinal)).toEqual(['accepted', 'rejected']);
  });
});
