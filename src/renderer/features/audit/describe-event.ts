import type { AuditEvent } from '@core/package';
import { describeReviewTarget } from '@core/review';
import { isTaskState, STATE_LABELS } from '@core/workflow';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

const duration = (minutes: unknown): string => {
  const m = num(minutes);
  if (m === undefined) return 'some time';
  const h = Math.floor(m / 60);
  return h === 0 ? `${m} min` : `${h} h ${String(m % 60).padStart(2, '0')} min`;
};

const state = (value: unknown): string =>
  isTaskState(value) ? STATE_LABELS[value].toLowerCase() : (text(value) ?? 'an unknown state');

const RESULT_WORDS: Readonly<Record<string, string>> = {
  pass: 'pass',
  fail: 'fail',
  'not-applicable': 'not applicable',
  open: 'open',
};

const ofVersion = (d: Record<string, unknown>): string => {
  const version = num(d.version);
  return version === undefined ? '' : ` (version ${String(version)})`;
};
const because = (d: Record<string, unknown>): string => (text(d.reason) ? `: “${text(d.reason)}”` : '');

/** Words what a review event is about (a comment target string), by name where names are known. */
type TargetWords = (value: unknown) => string;
type Describe = (data: Record<string, unknown>, target: TargetWords) => string;

const DESCRIPTIONS: Readonly<Record<string, Describe>> = {
  'task.created': (d) => `Created the task${text(d.title) ? ` “${text(d.title)}”` : ''}`,
  'task.edited': (d) =>
    Array.isArray(d.fields) && d.fields.length > 0
      ? `Edited the task: ${d.fields.filter((f) => typeof f === 'string').join(', ')}`
      : 'Edited the task',
  'task.state-changed': (d) =>
    `Moved the task from ${state(d.from)} to ${state(d.to)}${text(d.by) ? ` as ${text(d.by)}` : ''}${ofVersion(d)}${because(d)}`,
  'qc.item-marked': (d) => {
    const item = text(d.text) ?? text(d.itemId) ?? 'an item';
    const result = text(d.result);
    const changed = Array.isArray(d.changed) ? d.changed.filter((c) => typeof c === 'string') : [];
    if (changed.includes('result') && result)
      return `Marked QC item “${item}” ${RESULT_WORDS[result] ?? result}`;
    return `Updated the ${changed.length > 0 ? changed.join(' and ') : 'result'} of QC item “${item}”`;
  },
  'time.logged': (d) =>
    `Logged ${duration(d.minutes)}${text(d.date) ? ` on ${text(d.date)}` : ''}${d.origin === 'timer' ? ' from the timer' : ''}`,
  'time.edited': (d) => {
    const before = (d.before ?? {}) as Record<string, unknown>;
    const after = (d.after ?? {}) as Record<string, unknown>;
    return `Changed a time entry from ${duration(before.minutes)} on ${text(before.date) ?? '?'} to ${duration(after.minutes)} on ${text(after.date) ?? '?'}`;
  },
  'time.deleted': (d) =>
    `Deleted a time entry of ${duration(d.minutes)}${text(d.date) ? ` on ${text(d.date)}` : ''}`,
  'timer.started': () => 'Started the timer',
  'timer.stopped': () => 'Stopped the timer before a minute had passed',
  'package.received': (d) =>
    `Received a ${text(d.kind) ?? ''} package`.replace('  ', ' ') + ofVersion(d) + because(d),
  'review.comment-added': (d, target) =>
    `${d.parentId === undefined ? 'Commented on' : 'Replied on'} ${target(d.target)}${ofVersion(d)}`,
  'review.comment-resolved': (d, target) => `Resolved the comment on ${target(d.target)}`,
  'review.comment-reopened': (d, target) => `Reopened the comment on ${target(d.target)}`,
  'review.qc-verdict': (d, target) =>
    `${d.verdict === 'disagree' ? 'Disagreed with' : 'Agreed with'} the analyst on ${target(
      text(d.itemId) === undefined ? undefined : `qc:${String(d.itemId)}`,
    )}${ofVersion(d)}`,
  'submission.frozen': (d) =>
    `Froze deliverable version ${num(d.version) ?? '?'}${text(d.contentDigest) ? ` (digest ${text(d.contentDigest)?.slice(0, 12)}…)` : ''}`,
  'audit.local-events-kept': (d) =>
    `Kept ${Array.isArray(d.events) ? d.events.length : 'some'} event(s) logged here that the received log did not have`,
};

/**
 * A readable sentence for one audit event; types this build does not know are still shown plainly.
 * `names` words review targets by name (chart "Growth" rather than chart c1) where the caller has them.
 */
export function describeEvent(
  event: Pick<AuditEvent, 'type' | 'data'>,
  names?: (target: string) => string,
): string {
  const describe = DESCRIPTIONS[event.type];
  if (describe) {
    const words = names ?? ((t: string) => describeReviewTarget(t));
    return describe(event.data, (value) => {
      const target = text(value);
      return target === undefined ? 'part of the deliverable' : words(target);
    });
  }
  const words = event.type.replace(/[.\-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
