import type { AuditEvent } from '../package';
import type { ReviewThread } from './review-threads';
import { reviewThreads } from './review-threads';

/** A review comment as the history shows it; `version` is null where the package does not record it. */
export interface HistoryComment {
  id: string;
  parentId?: string | undefined;
  target: string;
  version: number | null;
  author: { name: string; keyId: string };
  body: string;
  at: string;
  resolved: boolean;
}

export interface HistoryVerdict {
  version: number;
  itemId: string;
  verdict: 'agree' | 'disagree';
  comment: string;
  at: string;
}

export interface ReviewDecision {
  decision: 'changes-requested' | 'approved';
  at: string;
  /** Key id of who decided, where the log has the decider's own record of it. */
  actor?: string;
  /** The role that decided ("reviewer"), where the log says. */
  role?: string;
  reason?: string;
}

/** One submitted version's review: when it came in, what was said, and what was decided. */
export interface ReviewRound {
  /** Null gathers comments whose version the package does not record. */
  version: number | null;
  submittedAt?: string;
  decisions: ReviewDecision[];
  threads: ReviewThread<HistoryComment>[];
  /** Only the verdicts that say something: a disagreement, or an agreement with a comment. */
  verdicts: HistoryVerdict[];
}

type LogEvent = Pick<AuditEvent, 'type' | 'at' | 'actor' | 'data'>;

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const isLogEvent = (value: unknown): value is LogEvent => {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    typeof event.type === 'string' &&
    typeof event.at === 'string' &&
    typeof event.actor === 'string' &&
    typeof event.data === 'object' &&
    event.data !== null
  );
};

/**
 * The events in time order, with those a hand-off set aside (`audit.local-events-kept`, e.g. the
 * reviewer's own "changes requested" once the analyst's log was adopted) put back in their place.
 */
function flatten(events: readonly LogEvent[]): LogEvent[] {
  const all: LogEvent[] = [];
  for (const event of events) {
    if (event.type === 'audit.local-events-kept' && Array.isArray(event.data.events)) {
      all.push(...event.data.events.filter(isLogEvent));
    } else {
      all.push(event);
    }
  }
  return all.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The review history of a task by version: comment threads, the verdicts that say something, and
 * each decision with its reason, from the review documents and the audit log a package carries.
 * A change request is logged on both sides of its hand-off (the reviewer's move, the analyst's
 * receipt); the two records of one review package are merged into one decision.
 */
export function reviewHistory(input: {
  comments: readonly HistoryComment[];
  verdicts: readonly HistoryVerdict[];
  events: readonly LogEvent[];
}): ReviewRound[] {
  const rounds = new Map<number | null, ReviewRound>();
  const round = (version: number | null): ReviewRound => {
    const existing = rounds.get(version);
    if (existing) return existing;
    const created: ReviewRound = { version, decisions: [], threads: [], verdicts: [] };
    rounds.set(version, created);
    return created;
  };

  let current: number | null = null;
  const requests = new Map<string, ReviewDecision & { version: number | null }>();
  for (const event of flatten(input.events)) {
    const { data } = event;
    const submitted =
      (event.type === 'task.state-changed' && data.to === 'submitted') ||
      event.type === 'submission.frozen' ||
      (event.type === 'package.received' && data.kind === 'submission');
    if (submitted && num(data.version) !== undefined) {
      current = num(data.version) ?? current;
      const r = round(current);
      r.submittedAt ??= event.at;
      continue;
    }
    const requested =
      (event.type === 'task.state-changed' && data.to === 'changes_requested') ||
      (event.type === 'package.received' && data.kind === 'review');
    // The decider's own record is their move; a receiver's (a move recorded "via" the package, or
    // the package's receipt) carries the receiver's key, which must not be named as the decider.
    const own = event.type === 'task.state-changed' && str(data.via) === undefined;
    const role = str(data.by) ?? (event.type === 'package.received' ? 'reviewer' : undefined);
    if (requested) {
      const key = str(data.packageId) ?? str(data.via) ?? `${event.type}@${event.at}`;
      const reason = str(data.reason);
      const version = num(data.version) ?? current;
      const record = requests.get(key) ?? { decision: 'changes-requested' as const, at: event.at, version };
      if (reason && !record.reason) record.reason = reason;
      if (role && !record.role) record.role = role;
      if (own) Object.assign(record, { actor: event.actor, at: event.at });
      if (record.version === null) record.version = version;
      requests.set(key, record);
      continue;
    }
    if (event.type === 'task.state-changed' && data.to === 'approved') {
      round(num(data.version) ?? current).decisions.push({
        decision: 'approved',
        at: event.at,
        ...(own ? { actor: event.actor } : {}),
        ...(role ? { role } : {}),
      });
    }
  }
  for (const { version, ...decision } of requests.values()) round(version).decisions.push(decision);

  for (const thread of reviewThreads(input.comments)) round(thread.root.version).threads.push(thread);
  for (const verdict of input.verdicts) {
    if (verdict.verdict === 'disagree' || verdict.comment.trim() !== '')
      round(verdict.version).verdicts.push(verdict);
  }

  for (const r of rounds.values()) r.decisions.sort((a, b) => a.at.localeCompare(b.at));
  return [...rounds.values()].sort((a, b) => (a.version ?? Infinity) - (b.version ?? Infinity));
}

/** How many things the history lists for the reader to see: threads and verdicts. */
export function feedbackCount(rounds: readonly ReviewRound[]): number {
  return rounds.reduce((sum, r) => sum + r.threads.length + r.verdicts.length, 0);
}
