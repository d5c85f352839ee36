import type { Checklist } from '@core/package';
import type { TaskState } from '@core/workflow';
import { STATE_LABELS } from '@core/workflow';

export interface GateVerdict {
  allowed: boolean;
  /** Every reason the submission cannot leave yet, each naming the item or condition. */
  reasons: string[];
}

/**
 * Whether this version may be submitted. The call site for core's submission gate (QC feature,
 * src/core/workflow/submission-gate.ts): until it lands, the rule of issue 5 is applied here —
 * every critical item passes, is not applicable, or fails with a written justification.
 */
export function evaluateSubmissionGate(state: TaskState, checklist: Checklist): GateVerdict {
  const reasons: string[] = [];
  if (state !== 'in_progress') {
    reasons.push(`The task is ${STATE_LABELS[state].toLowerCase()}; only work in progress can be submitted.`);
  }
  for (const item of checklist.items) {
    if (item.severity !== 'critical') continue;
    if (item.result === 'open') reasons.push(`Critical QC item not checked yet: “${item.text}”.`);
    if (item.result === 'fail' && (item.justification ?? '').trim() === '')
      reasons.push(`Critical QC item fails without a written justification: “${item.text}”.`);
  }
  return { allowed: reasons.length === 0, reasons };
}
