import { ACCEPTANCE_FILE, acceptanceSchema, readJsonDocument } from '@core/review';
import { repositories } from '../../db';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { packageEvents, packageTask, packageTimeEntries } from '../review/package-contents';

/**
 * Provider side: the client's signed decision closes the delivered task. Verification already
 * checked the sign-off in acceptance.json (the client's, by the package signer, signature valid);
 * the repository checks it is about what was delivered. The delivered version's time/entries.json
 * travels with the decision, so a coordinator who never held the work still learns its hours.
 */
export const receiveAcceptance: ReceivedPackageHandler = (pkg) => {
  const { files, record } = pkg;
  const task = packageTask(files);
  const acceptance = readJsonDocument(files, ACCEPTANCE_FILE, acceptanceSchema);
  if (!acceptance)
    throw new Error(`${ACCEPTANCE_FILE} is missing: the package does not say accepted or rejected.`);
  const timeEntries = packageTimeEntries(files);
  const events = packageEvents(files);
  const apply = async () => {
    await repositories.handoff.receiveAcceptance({
      task,
      packageId: record.packageId,
      events,
      sender: { keyId: record.signerKeyId, name: record.signerName ?? acceptance.signoff.signer.name },
      decision: acceptance.decision,
      comments: acceptance.comments,
      signerName: acceptance.signoff.signer.name,
      signerKeyId: acceptance.signoff.signer.keyId,
      signedAt: acceptance.signoff.date,
      deliverablePackageId: acceptance.deliverablePackageId,
      contentDigest: acceptance.signoff.contentDigest,
      ...(timeEntries === undefined ? {} : { timeEntries }),
    });
    return {
      taskId: task.id,
      message: `${acceptance.signoff.signer.name} ${acceptance.decision} "${task.title}".`,
    };
  };
  return { apply };
};
