/**
 * The submission rule (DESIGN.md §7): work leaves only when every QC item has a result, every
 * critical item passes or carries a written justification, and every pass that needs evidence has it.
 * Automatic items take the state the app computed, whatever the analyst marked.
 */
import type { QcCheckOutcome } from './qc-checks';

export type QcItemResult = 'open' | 'pass' | 'fail' | 'not-applicable';

export interface GateItem {
  id: string;
  text: string;
  severity: 'critical' | 'major' | 'minor';
  evidenceRequired: boolean;
  automaticCheck?: string;
}

export interface GateResult {
  result: QcItemResult;
  comment: string;
  evidence: string[];
  justification: string;
}

export interface GateInput {
  items: readonly GateItem[];
  /** By item id; a missing entry is an open item. */
  results: Readonly<Record<string, GateResult | undefined>>;
  /** By automatic check id. */
  automatic: Readonly<Record<string, QcCheckOutcome | undefined>>;
}

export interface GateVerdict {
  canSubmit: boolean;
  reasons: string[];
}

/** What an item counts as: an automatic item's computed state, otherwise what the analyst marked. */
export function effectiveResult(
  item: GateItem,
  result: GateResult | undefined,
  automatic: GateInput['automatic'],
): QcItemResult {
  if (item.automaticCheck) {
    const computed = automatic[item.automaticCheck];
    // An automatic check that has not run cannot vouch for anything.
    return computed?.state ?? 'open';
  }
  return result?.result ?? 'open';
}

export function checkSubmissionGate(input: GateInput): GateVerdict {
  const reasons: string[] = [];
  input.items.forEach((item, index) => {
    const label = `Item ${index + 1} ('${item.text}')`;
    const result = input.results[item.id];
    const effective = effectiveResult(item, result, input.automatic);
    const justified = (result?.justification.trim() ?? '') !== '';

    if (effective === 'open') {
      reasons.push(`${label} has no result: every item needs a result`);
      return;
    }
    if (item.severity === 'critical' && effective !== 'pass' && !justified) {
      const state = effective === 'fail' ? 'fails' : 'is marked not applicable';
      reasons.push(`${label} is critical and ${state}: write a justification`);
    } else if (item.automaticCheck && effective === 'fail' && !justified) {
      reasons.push(`${label} fails its automatic check: fix it or write a justification`);
    }
    if (effective === 'pass' && item.evidenceRequired && !result?.evidence.some((e) => e.trim() !== '')) {
      reasons.push(`${label} requires evidence: link the evidence it passes on`);
    }
  });
  return { canSubmit: reasons.length === 0, reasons };
}
