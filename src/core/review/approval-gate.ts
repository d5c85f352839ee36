/** Why an approval cannot be signed yet (DESIGN.md §7: no item unreviewed, no open comment). */
export interface ApprovalGateInput {
  checklist: readonly { id: string; text: string }[];
  verdicts: readonly { itemId: string }[];
  comments: readonly { id: string; parentId?: string | undefined; target: string; resolved: boolean }[];
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
  const ids = new Set(input.comments.map((comment) => comment.id));
  for (const comment of input.comments) {
    const isThreadStart = comment.parentId === undefined || !ids.has(comment.parentId);
    if (isThreadStart && !comment.resolved) {
      reasons.push(`the comment on ${comment.target} is not resolved`);
    }
  }
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}
