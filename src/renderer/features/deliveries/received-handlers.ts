import { verifyDeliverable } from '@core/review';
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
  return {
    apply: async () => {
      await repositories.handoff.receiveDeliverable(work);
      return {
        taskId: work.task.id,
        screen: 'deliveries',
        message: `Deliverable for "${work.task.title}" received. Check its verification before reading.`,
      };
    },
  };
};
