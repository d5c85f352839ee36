import type { GateVerdict as QcGateVerdict, TaskState } from '@core/workflow';
import { STATE_LABELS } from '@core/workflow';

export interface GateVerdict {
  allowed: boolean;
  /** Every reason the submission cannot leave yet, each naming the item or condition. */
  reasons: string[];
}

/**
 * Whether this version may be submitted: the task must be in progress, and core's QC gate
 * (src/core/workflow/submission-gate.ts, evaluated over the live workspace by the QC repository)
 * must let it through.
 */
export function evaluateSubmissionGate(state: TaskState, qc: QcGateVerdict): GateVerdict {
  const reasons: string[] = [];
  if (state !== 'in_progress') {
    reasons.push(`The task is ${STATE_LABELS[state].toLowerCase()}; only work in progress can be submitted.`);
  }
  reasons.push(...qc.reasons);
  return { allowed: reasons.length === 0, reasons };
}
