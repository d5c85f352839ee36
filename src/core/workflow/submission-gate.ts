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
  /** `kind:id` of every chart, view, finding and source the task has now: what evidence links may name. */
  existingEvidence: ReadonlySet<string>;
}

const EVIDENCE_LINK = /^(chart|view|finding|source):[A-Za-z0-9_-]+$/;

/**
 * Evidence links (`chart:<id>`, ...) that point at nothing in the task any more. Anything else
 * recorded as evidence is free text (a document name, an e-mail) and is taken as written.
 */
export function danglingEvidence(evidence: readonly string[], existing: ReadonlySet<string>): string[] {
  return evidence.map((e) => e.trim()).filter((e) => EVIDENCE_LINK.test(e) && !existing.has(e));
}

function describeLink(link: string): string {
  const [kind = '', id = ''] = link.split(':');
  return `a ${kind} that no longer exists (${id.slice(0, 8)})`;
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
    const evidence = (result?.evidence ?? []).filter((e) => e.trim() !== '');
    const dangling = danglingEvidence(evidence, input.existingEvidence);
    if (dangling.length > 0) {
      reasons.push(`${label} links ${dangling.map(describeLink).join(', ')}: remove or replace it`);
    }
    if (effective === 'pass' && item.evidenceRequired && evidence.length === dangling.length) {
      reasons.push(`${label} requires evidence: link the evidence it passes on`);
    }
  });
  return { canSubmit: reasons.length === 0, reasons };
}
