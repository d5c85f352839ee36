import { webCryptoSigner } from '@core/minisign';
import { repositories } from '../../db';
import { platform } from '../../platform';
import { renderChartPng } from '../charts/render-chart-png';
import { saveSignedPackage, signPackage } from '../packages/export-signed-package';
import { exportViewCsv } from './export-view-csv';
import type { PrepareDeps, PreparedDeliverable } from './freeze-submission';
import { freezeSubmission, prepareDeliverable } from './freeze-submission';

/** Charts at a size that prints sharply on A4 and reads well on screen. */
const CHART_SIZE = { width: 1200, height: 700 };

const liveDeps: PrepareDeps = {
  submissions: repositories.submissions,
  renderChartPng: async (chart) => renderChartPng(chart, CHART_SIZE),
  exportViewCsv,
  qcOverview: async (taskId) => repositories.qc.overview(taskId),
  renderPdf: async (html) => platform.renderPdf(html),
};

/** Version N as it would be submitted now (no PDF: the preview shows the HTML report). */
export async function previewSubmission(taskId: string): Promise<PreparedDeliverable> {
  return prepareDeliverable(taskId, liveDeps, { withPdf: false });
}

export type ExportOutcome =
  { status: 'saved'; version: number; contentDigest: string; fileName: string } | { status: 'cancelled' };

/**
 * Freezes version N, signs the attestation and the submission package, offers it to save, and only
 * once it is saved records the version and moves the task to submitted. A cancelled save or a
 * failure before it leaves the task exactly as it was.
 */
export async function exportSubmission(taskId: string): Promise<ExportOutcome> {
  const key = await repositories.identity.getSigningKey();
  if (!key) throw new Error('Create your profile and signing key in Settings before submitting.');
  // Time still running belongs in this version's time entries, and submitted work is not timed.
  await repositories.timeEntries.stopTimer(taskId);
  const prepared = await prepareDeliverable(taskId, liveDeps, { withPdf: true });
  const frozen = await freezeSubmission(prepared, {
    submissions: repositories.submissions,
    signer: { keyId: key.keyIdBytes, sign: webCryptoSigner(key.privateKey) },
  });
  const pkg = await signPackage({
    kind: 'submission',
    taskId,
    files: frozen.files,
    people: prepared.people,
    title: `${prepared.taskTitle} — submission v${prepared.version}`,
    actionTimes: { analyst: prepared.frozenAt },
    fileStem: `${prepared.taskTitle}-v${prepared.version}`,
  });
  if (!(await saveSignedPackage(pkg, 'submission', taskId))) return { status: 'cancelled' };
  await repositories.submissions.commit(frozen.frozenEvent, {
    taskId,
    version: prepared.version,
    contentDigest: frozen.contentDigest,
    files: Object.fromEntries(frozen.files),
    submittedAt: prepared.frozenAt,
    submittedBy: prepared.analyst,
    packageId: pkg.packageId,
  });
  return {
    status: 'saved',
    version: prepared.version,
    contentDigest: frozen.contentDigest,
    fileName: pkg.fileName,
  };
}

/** Offers a version's package, exactly as it was first saved, to save again. */
export async function saveSubmissionAgain(packageId: string): Promise<boolean> {
  const sent = await repositories.sentPackages.get(packageId);
  if (!sent) throw new Error('That package is no longer stored on this computer.');
  const outcome = await platform.saveFile({
    suggestedName: sent.fileName,
    filters: [{ name: 'KPO package', extensions: ['kpo'] }],
    data: sent.bytes,
  });
  return outcome.saved;
}
