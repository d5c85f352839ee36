import type { GateVerdict as QcGateVerdict, TaskState } from '@core/workflow';
import { STATE_LABELS } from '@core/workflow';

export interface GateVerdict {
  allowed: boolean;
  /** Every reason the submission cannot leave yet, each naming the item or condition. */
  reasons: string[];
}

/**
 * Whether this version may be submitted: the task must be in progress with no timer running (stopping
 * it adds a time entry, so the version would no longer be the one previewed), and core's QC gate
 * (src/core/workflow/submission-gate.ts, evaluated over the live workspace by the QC repository)
 * must let it through.
 */
export function evaluateSubmissionGate(
  task: { state: TaskState; timerStartedAt?: string },
  qc: QcGateVerdict,
): GateVerdict {
  const reasons: string[] = [];
  const { state } = task;
  if (state !== 'in_progress') {
    reasons.push(`The task is ${STATE_LABELS[state].toLowerCase()}; only work in progress can be submitted.`);
  }
  if (task.timerStartedAt !== undefined) {
    reasons.push('Your timer is still running: stop it on the Time tab so this version includes that time.');
  }
  reasons.push(...qc.reasons);
  return { allowed: reasons.length === 0, reasons };
}
