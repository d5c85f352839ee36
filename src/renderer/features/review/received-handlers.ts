import { repositories } from '../../db';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { receivedVersion } from './package-contents';

export { receiveReview } from './receive-review';

/** Reviewer side: a submission becomes the next version of the task, waiting on the Review screen. */
export const receiveSubmission: ReceivedPackageHandler = (pkg) => {
  const work = receivedVersion(pkg);
  return {
    apply: async () => {
      const version = await repositories.handoff.receiveSubmission(work);
      return {
        taskId: work.task.id,
        screen: 'review',
        message: `"${work.task.title}" version ${version} is waiting for your review.`,
      };
    },
  };
};
