import { webCryptoSigner } from '@core/minisign';
import type { PackagePerson, Signoff } from '@core/package';
import { checkFrozenRecords, computeContentDigest, createSignoff, serializeAuditLog } from '@core/package';
import type { QcVerdict, ReviewThreadComment } from '@core/review';
import { checkApproval, reviewerStanding, toPackageComments } from '@core/review';
import type { TaskState } from '@core/workflow';
import { STATE_LABELS } from '@core/workflow';
import type { SubmissionRecord, TaskRecord } from '../../db';
import { repositories } from '../../db';
import { saveSignedPackage, signPackage } from '../packages/export-signed-package';
import { packageSignoffs } from './package-contents';
import { submissionBagFiles } from './submission-files';

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): Uint8Array => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
const GENERATED = new Set(['ro-crate-metadata.json', 'datapackage.json']);

function people(task: TaskRecord): PackagePerson[] {
  return [
    ...(task.coordinator ? [{ role: 'coordinator' as const, ...task.coordinator }] : []),
    ...(task.analyst ? [{ role: 'analyst' as const, ...task.analyst }] : []),
    ...(task.reviewer ? [{ role: 'reviewer' as const, ...task.reviewer }] : []),
  ];
}

/**
 * The review history as packages carry it: every thread and every QC verdict on every version up
 * to this one, so the client sees earlier rounds' disagreements too. Each verdict names its
 * version, so readers pick the decided version's (the format is unchanged).
 */
async function reviewDocuments(task: TaskRecord, version: number): Promise<Map<string, Uint8Array>> {
  const comments: ReviewThreadComment[] = (await repositories.review.comments(task.id)).map(
    ({ taskId: _taskId, ...comment }) => comment,
  );
  const verdicts: QcVerdict[] = (await repositories.review.verdictsOfTask(task.id))
    .filter((verdict) => verdict.version <= version)
    .map(({ taskId: _taskId, ...verdict }) => verdict);
  return new Map([
    ['review/threads.json', jsonBytes({ comments })],
    ['review/comments.json', jsonBytes(toPackageComments(comments))],
    ['review/verdicts.json', jsonBytes({ verdicts })],
  ]);
}

async function auditLogBytes(taskId: string): Promise<Uint8Array> {
  return encoder.encode(serializeAuditLog((await repositories.tasks.auditLog(taskId)).events));
}

function taskJson(submission: SubmissionRecord): Uint8Array {
  const bytes = submission.files['task.json'];
  if (!bytes) throw new Error(`Version ${String(submission.version)} has no task.json to send back.`);
  return bytes;
}

/** The reviewer signs the digest the analyst signed; a version whose sign-off covers other content stops here. */
function coveredAnalystSignoffs(submission: SubmissionRecord): {
  digest: string;
  analystSignoffs: Signoff[];
} {
  const bagFiles = submissionBagFiles(submission);
  const digest = computeContentDigest(bagFiles);
  const analystSignoffs = packageSignoffs(bagFiles).filter((signoff) => signoff.role === 'analyst');
  if (!analystSignoffs.some((signoff) => signoff.contentDigest === digest)) {
    throw new Error(
      `data/signoffs.json of version ${String(submission.version)}: the analyst's sign-off does not cover this content.`,
    );
  }
  return { digest, analystSignoffs };
}

/**
 * Checked before anything is signed or saved: only the reviewer the task names decides, never its
 * analyst, and only on the version waiting for a decision. The repository refuses the move too.
 */
async function requireDecidable(
  task: TaskRecord,
  submission: SubmissionRecord,
  states: readonly TaskState[],
): Promise<void> {
  const standing = reviewerStanding(task, (await repositories.identity.getProfile())?.keyId);
  if (!standing.allowed) throw new Error(standing.reason);
  if (!states.includes(task.state)) {
    throw new Error(
      `"${task.title}" is ${STATE_LABELS[task.state].toLowerCase()}: there is no decision to make on it.`,
    );
  }
  if (submission.version !== task.version) {
    throw new Error(
      `Version ${String(submission.version)} is not the one under review (version ${String(task.version)}).`,
    );
  }
}

/** Sends the work back: a signed review package, then submitted → changes requested once saved. */
export async function requestChanges(
  task: TaskRecord,
  submission: SubmissionRecord,
  reason: string,
): Promise<boolean> {
  const why = reason.trim();
  if (why === '') throw new Error('Say what has to change before sending the review.');
  await requireDecidable(task, submission, ['submitted']);
  const files = await reviewDocuments(task, submission.version);
  files.set('task.json', taskJson(submission));
  files.set('review/decision.json', jsonBytes({ version: submission.version, reason: why }));
  files.set('audit/events.jsonl', await auditLogBytes(task.id));
  const pkg = await signPackage({
    kind: 'review',
    taskId: task.id,
    fileStem: `${task.title}-v${String(submission.version)}-review`,
    people: people(task),
    files,
  });
  if (!(await saveSignedPackage(pkg, 'review', task.id))) return false;
  await repositories.tasks.transition(task.id, 'changes_requested', 'reviewer', {
    version: submission.version,
    reason: why,
    packageId: pkg.packageId,
  });
  return true;
}

/**
 * Approval: the gate first, then the reviewer's sign-off over the very digest the analyst signed,
 * recorded as submitted → approved; then the deliverable package, and approved → delivered once it
 * is saved. A cancelled save leaves the task approved, ready to export again.
 */
export async function approve(task: TaskRecord, submission: SubmissionRecord): Promise<boolean> {
  await requireDecidable(task, submission, ['submitted', 'approved']);
  const [comments, verdicts] = await Promise.all([
    repositories.review.comments(task.id),
    repositories.review.verdicts(task.id, submission.version),
  ]);
  const gate = checkApproval({ checklist: task.checklist, verdicts, comments });
  if (!gate.allowed) throw new Error(`Approval is not possible yet: ${gate.reasons.join('; ')}.`);
  coveredAnalystSignoffs(submission);
  if (task.state === 'submitted') {
    await repositories.tasks.transition(task.id, 'approved', 'reviewer', {
      version: submission.version,
      contentDigest: submission.contentDigest,
    });
  }
  return exportDeliverable(task, submission);
}

/** Builds, signs and saves the deliverable package of an approved version. */
export async function exportDeliverable(task: TaskRecord, submission: SubmissionRecord): Promise<boolean> {
  await requireDecidable(task, submission, ['submitted', 'approved']);
  const { digest, analystSignoffs } = coveredAnalystSignoffs(submission);
  const [profile, key] = await Promise.all([
    repositories.identity.getProfile(),
    repositories.identity.getSigningKey(),
  ]);
  if (!profile || !key) throw new Error('Create your profile and signing key in Settings first.');
  const reviewerSignoff = await createSignoff(
    {
      role: 'reviewer',
      signer: { name: profile.displayName },
      date: new Date().toISOString(),
      contentDigest: digest,
      statement: `Reviewed and approved version ${String(submission.version)}.`,
    },
    { keyId: key.keyIdBytes, sign: webCryptoSigner(key.privateKey) },
  );
  const files = new Map(
    Object.entries(submission.files).filter(([path]) => !GENERATED.has(path) && !path.startsWith('review/')),
  );
  for (const [path, bytes] of await reviewDocuments(task, submission.version)) files.set(path, bytes);
  files.set('signoffs.json', jsonBytes({ signoffs: [...analystSignoffs, reviewerSignoff] }));
  files.set('audit/events.jsonl', await auditLogBytes(task.id));
  // What the client's verification checks: the documents the manifest records are the ones the
  // analyst signed, and the log still holds the events the version was frozen with.
  const notFrozen = checkFrozenRecords(files, { root: '' });
  if (notFrozen.length > 0) {
    throw new Error(
      `Version ${String(submission.version)} cannot be delivered as it is: ${notFrozen.map((f) => `${f.file}: ${f.message}`).join('; ')}.`,
    );
  }
  const pkg = await signPackage({
    kind: 'deliverable',
    taskId: task.id,
    fileStem: `${task.title}-v${String(submission.version)}-deliverable`,
    people: people(task),
    files,
  });
  if (!(await saveSignedPackage(pkg, 'deliverable', task.id))) return false;
  await repositories.tasks.transition(task.id, 'delivered', 'reviewer', {
    version: submission.version,
    contentDigest: digest,
    packageId: pkg.packageId,
  });
  return true;
}
