import type { Ed25519Sign } from '@core/minisign';
import type { SubmissionsRepository } from '../../db';
import type { FileFilter, SaveTarget } from '../../platform/platform';
import type { SignedPackage, SignedPackageRequest } from '../packages/export-signed-package';
import type { PreparedDeliverable } from './freeze-submission';
import { freezeSubmission } from './freeze-submission';

export interface SubmitDeps {
  submissions: Pick<SubmissionsRepository, 'prepareFrozenEvent' | 'commit'>;
  signer: { keyId: Uint8Array; sign: Ed25519Sign };
  signPackage: (request: SignedPackageRequest) => Promise<SignedPackage>;
  chooseSaveTarget: (options: {
    suggestedName: string;
    filters?: FileFilter[];
  }) => Promise<SaveTarget | null>;
  now?: () => Date;
}

export type ExportOutcome =
  | { status: 'saved'; version: number; contentDigest: string; fileName: string }
  /** Recorded as submitted (and kept), but the file could not be written: save it again from history. */
  | { status: 'recorded'; version: number; contentDigest: string; fileName: string; writeError: string }
  | { status: 'cancelled' };

/**
 * Signs and saves exactly the version the analyst previewed (same content, digest and freeze time),
 * in an order that never leaves a saved file unrecorded:
 * 1. sign the attestation, refusing if the work changed since the preview (nothing is saved);
 * 2. ask where to save; a cancelled dialog changes nothing;
 * 3. record the submission, the package and the move to submitted in one transaction, which refuses,
 *    before any file exists, if the work changed meanwhile (e.g. a late autosave);
 * 4. write the file. A write that fails now leaves the version recorded with its package, to save
 *    again from the history, rather than a file nobody recorded.
 */
export async function submitDeliverable(
  prepared: PreparedDeliverable,
  deps: SubmitDeps,
): Promise<ExportOutcome> {
  const frozen = await freezeSubmission(prepared, deps);
  const pkg = await deps.signPackage({
    kind: 'submission',
    taskId: prepared.taskId,
    files: frozen.files,
    people: prepared.people,
    title: `${prepared.taskTitle} — submission v${prepared.version}`,
    actionTimes: { analyst: prepared.frozenAt },
    fileStem: `${prepared.taskTitle}-v${prepared.version}`,
  });
  const target = await deps.chooseSaveTarget({
    suggestedName: pkg.fileName,
    filters: [{ name: 'KPO package', extensions: ['kpo'] }],
  });
  if (!target) return { status: 'cancelled' };
  const { version, taskId } = prepared;
  const { contentDigest } = frozen;
  await deps.submissions.commit(
    frozen.frozenEvent,
    {
      taskId,
      version,
      contentDigest,
      files: Object.fromEntries(frozen.files),
      submittedAt: prepared.frozenAt,
      submittedBy: prepared.analyst,
      packageId: pkg.packageId,
    },
    {
      packageId: pkg.packageId,
      taskId,
      kind: 'submission',
      fileName: target.fileName,
      sizeBytes: pkg.bytes.byteLength,
      createdAt: (deps.now?.() ?? new Date()).toISOString(),
      bytes: pkg.bytes,
    },
  );
  try {
    await target.write(pkg.bytes);
  } catch (error) {
    const writeError = error instanceof Error ? error.message : String(error);
    return { status: 'recorded', version, contentDigest, fileName: target.fileName, writeError };
  }
  return { status: 'saved', version, contentDigest, fileName: target.fileName };
}
