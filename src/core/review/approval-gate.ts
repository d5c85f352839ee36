import { describeReviewTarget } from './review-targets';
import { reviewThreads } from './review-threads';

/** Why an approval cannot be signed yet (DESIGN.md §7: no item unreviewed, no open comment). */
export interface ApprovalGateInput {
  checklist: readonly { id: string; text: string }[];
  verdicts: readonly { itemId: string }[];
  comments: readonly {
    id: string;
    parentId?: string | undefined;
    target: string;
    resolved: boolean;
    at?: string;
  }[];
  /** Names what a comment is about; by default from the target alone ("chart c1"). */
  describeTarget?: (target: string) => string;
  /** Targets the version under review shows; a thread on anything else is said to be elsewhere. */
  shownTargets?: ReadonlySet<string>;
}

export type ApprovalGate = { allowed: true } | { allowed: false; reasons: string[] };

/**
 * A thread is open while its first comment is unresolved; replies follow their thread, so
 * resolving the thread resolves the discussion under it.
 */
export function checkApproval(input: ApprovalGateInput): ApprovalGate {
  const reasons: string[] = [];
  const reviewed = new Set(input.verdicts.map((verdict) => verdict.itemId));
  for (const item of input.checklist) {
    if (!reviewed.has(item.id)) reasons.push(`QC item "${item.text}" has no reviewer verdict`);
  }
  const describe = input.describeTarget ?? ((target: string) => describeReviewTarget(target));
  const threads = reviewThreads(
    input.comments.map((comment, index) => ({
      ...comment,
      // Without times the input order stands (padded so it sorts as given).
      at: comment.at ?? String(index).padStart(12, '0'),
    })),
  );
  for (const { root } of threads) {
    if (root.resolved) continue;
    const elsewhere =
      input.shownTargets && !input.shownTargets.has(root.target)
        ? ' (it is about something no longer in this version; see "Comments on things no longer in this version")'
        : '';
    reasons.push(`the comment on ${describe(root.target)} is not resolved${elsewhere}`);
  }
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}
