import { verifyDeliverable } from '@core/review';
import { navigateTo } from '../../app/use-hash-route';
import { repositories } from '../../db';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { receivedVersion } from '../review/package-contents';

export { receiveAcceptance } from './receive-acceptance';

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
