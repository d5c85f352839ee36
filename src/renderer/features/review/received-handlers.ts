import { navigateTo } from '../../app/use-hash-route';
import { repositories } from '../../db';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { receivedVersion } from './package-contents';

export { receiveReview } from './receive-review';

/** Reviewer side: a submission becomes the next version of the task, waiting on the Review screen. */
export const receiveSubmission: ReceivedPackageHandler = async (pkg) => {
  const work = receivedVersion(pkg);
  const version = await repositories.handoff.receiveSubmission(work);
  navigateTo('review', work.task.id);
  return { message: `"${work.task.title}" version ${version} is waiting for your review.` };
};
