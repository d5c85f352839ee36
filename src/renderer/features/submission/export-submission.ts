import { webCryptoSigner } from '@core/minisign';
import { repositories } from '../../db';
import { platform } from '../../platform';
import { renderChartPng } from '../charts/render-chart-png';
import { signPackage } from '../packages/export-signed-package';
import { exportViewCsv } from './export-view-csv';
import type { PrepareDeps, PreparedDeliverable } from './freeze-submission';
import { prepareDeliverable } from './freeze-submission';
import type { ExportOutcome } from './submit-deliverable';
import { submitDeliverable } from './submit-deliverable';

export type { ExportOutcome } from './submit-deliverable';

/** Charts at a size that prints sharply on A4 and reads well on screen. */
const CHART_SIZE = { width: 1200, height: 700 };

const liveDeps: PrepareDeps = {
  submissions: repositories.submissions,
  renderChartPng: async (chart) => renderChartPng(chart, CHART_SIZE),
  exportViewCsv,
  qcOverview: async (taskId) => repositories.qc.overview(taskId),
  renderPdf: async (html) => platform.renderPdf(html),
};

/**
 * Version N as it would be submitted now, complete (PDF included where one can be made): the preview
 * the analyst reads and attests is the very deliverable that is signed, digest and all.
 */
export async function previewSubmission(taskId: string): Promise<PreparedDeliverable> {
  return prepareDeliverable(taskId, liveDeps, { withPdf: true });
}

/** Signs the previewed version and saves it (see submitDeliverable for the order of steps). */
export async function exportSubmission(prepared: PreparedDeliverable): Promise<ExportOutcome> {
  const key = await repositories.identity.getSigningKey();
  if (!key) throw new Error('Create your profile and signing key in Settings before submitting.');
  return submitDeliverable(prepared, {
    submissions: repositories.submissions,
    signer: { keyId: key.keyIdBytes, sign: webCryptoSigner(key.privateKey) },
    signPackage,
    chooseSaveTarget: async (options) => platform.chooseSaveTarget(options),
  });
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
