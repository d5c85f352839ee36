/** The fields threading needs; stored records and package documents both have them. */
export interface ThreadableComment {
  id: string;
  parentId?: string | undefined;
  target: string;
  at: string;
  resolved: boolean;
}

/** A thread: its first comment (whose `resolved` is the thread's) and every reply under it, oldest first. */
export interface ReviewThread<C extends ThreadableComment> {
  root: C;
  replies: C[];
}

/**
 * Rebuilds threads from flat comments. A reply belongs to the thread its parent chain leads to; a
 * reply whose parent is missing starts a thread of its own, so nothing is ever dropped.
 */
export function reviewThreads<C extends ThreadableComment>(comments: readonly C[]): ReviewThread<C>[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: C): C => {
    const seen = new Set<string>();
    let current = comment;
    while (current.parentId !== undefined && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = byId.get(current.parentId);
      if (!parent) break;
      current = parent;
    }
    return current;
  };
  const threads = new Map<string, ReviewThread<C>>();
  const ordered = [...comments].sort((a, b) => a.at.localeCompare(b.at));
  for (const comment of ordered) {
    const root = rootOf(comment);
    const thread = threads.get(root.id) ?? { root, replies: [] };
    if (comment !== root) thread.replies.push(comment);
    threads.set(root.id, thread);
  }
  return [...threads.values()];
}

/**
 * Threads about something the given version no longer shows (a renamed finding or chart, a
 * removed table): the review screen lists them apart so they can still be resolved.
 */
export function threadsElsewhere<C extends ThreadableComment>(
  threads: readonly ReviewThread<C>[],
  shownTargets: ReadonlySet<string>,
): ReviewThread<C>[] {
  return threads.filter((thread) => !shownTargets.has(thread.root.target));
}
