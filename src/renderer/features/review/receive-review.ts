import {
  QC_VERDICTS_FILE,
  qcVerdictsSchema,
  readJsonDocument,
  REVIEW_DECISION_FILE,
  REVIEW_THREADS_FILE,
  reviewDecisionSchema,
  reviewThreadsSchema,
} from '@core/review';
import { repositories } from '../../db';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { packageEvents, packageSender, packageTask } from './package-contents';

/** Analyst side: the reviewer's comments come back and the task is in progress again. */
export const receiveReview: ReceivedPackageHandler = (pkg) => {
  const { files } = pkg;
  const task = packageTask(files);
  const decision = readJsonDocument(files, REVIEW_DECISION_FILE, reviewDecisionSchema);
  if (!decision)
    throw new Error(`${REVIEW_DECISION_FILE} is missing: the review does not say what to change.`);
  const comments = readJsonDocument(files, REVIEW_THREADS_FILE, reviewThreadsSchema)?.comments ?? [];
  const verdicts = readJsonDocument(files, QC_VERDICTS_FILE, qcVerdictsSchema)?.verdicts ?? [];
  const events = packageEvents(files);
  const sender = packageSender(pkg);
  const apply = async () => {
    await repositories.handoff.receiveReview({
      task,
      packageId: pkg.record.packageId,
      events,
      sender,
      version: decision.version,
      reason: decision.reason,
      comments: comments.map((comment) => ({ ...comment, taskId: task.id })),
      verdicts: verdicts.map((verdict) => ({ ...verdict, taskId: task.id })),
    });
    return {
      taskId: task.id,
      message: `Changes requested on "${task.title}" version ${decision.version}: ${decision.reason}`,
    };
  };
  return { apply };
};
