import { ACCEPTANCE_FILE, acceptanceSchema, readJsonDocument, verifyDeliverable } from '@core/review';
import { navigateTo } from '../../app/use-hash-route';
import { repositories } from '../../db';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { packageEvents, packageTask, receivedVersion } from '../review/package-contents';

/** Client side: the deliverable is stored and opened in the client view, verification first. */
export const receiveDeliverable: ReceivedPackageHandler = async (pkg) => {
  const verification = verifyDeliverable(pkg.verification, await repositories.trustedKeys.verificationKeys());
  if (verification.status === 'refused') {
    throw new Error(`This deliverable is refused: ${verification.reasons.join('; ')}`);
  }
  const work = receivedVersion(pkg);
  await repositories.handoff.receiveDeliverable(work);
  navigateTo('deliveries', work.task.id);
  return { message: `Deliverable for "${work.task.title}" received. Check its verification before reading.` };
};

/**
 * Provider side: the client's signed decision closes the delivered task. Verification already
 * checked the sign-off in acceptance.json (the client's, by the package signer, signature valid);
 * the repository checks it is about what was delivered.
 */
export const receiveAcceptance: ReceivedPackageHandler = async (pkg) => {
  const { files, record } = pkg;
  const task = packageTask(files);
  const acceptance = readJsonDocument(files, ACCEPTANCE_FILE, acceptanceSchema);
  if (!acceptance)
    throw new Error(`${ACCEPTANCE_FILE} is missing: the package does not say accepted or rejected.`);
  await repositories.handoff.receiveAcceptance({
    task,
    packageId: record.packageId,
    events: packageEvents(files),
    sender: { keyId: record.signerKeyId, name: record.signerName ?? acceptance.signoff.signer.name },
    decision: acceptance.decision,
    comments: acceptance.comments,
    signerName: acceptance.signoff.signer.name,
    deliverablePackageId: acceptance.deliverablePackageId,
    contentDigest: acceptance.signoff.contentDigest,
  });
  return {
    taskId: task.id,
    message: `${acceptance.signoff.signer.name} ${acceptance.decision} "${task.title}".`,
  };
};
