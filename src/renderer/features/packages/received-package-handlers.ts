import type { PackageKind, VerifyPackageResult } from '@core/package';
import type { ReceivedPackageRecord } from '../../db';
import { receiveAcceptance, receiveDeliverable } from '../deliveries/received-handlers';
import { receiveReview, receiveSubmission } from '../review/received-handlers';
import { receiveTaskPackage } from '../tasks/receive-task-package';

export interface ReceivedPackage {
  record: Omit<ReceivedPackageRecord, 'bytes'>;
  /** The verified bag's files, keyed as in the bag (`data/task.json`, ...). */
  files: ReadonlyMap<string, Uint8Array>;
  verification: VerifyPackageResult;
}

export interface AppliedPackage {
  /** The task the package created or changed; the import dialog opens it. */
  taskId?: string;
  message: string;
}

/**
 * What each kind of package does once it is verified and stored: a task package becomes a task, a
 * submission goes to review, and so on. A handler that throws must leave nothing half-applied; the
 * import then removes the stored package too, so a retry starts clean.
 */
export type ReceivedPackageHandler = (pkg: ReceivedPackage) => Promise<AppliedPackage>;

export const RECEIVED_PACKAGE_HANDLERS: Record<PackageKind, ReceivedPackageHandler> = {
  task: receiveTaskPackage,
  submission: receiveSubmission,
  review: receiveReview,
  deliverable: receiveDeliverable,
  acceptance: receiveAcceptance,
};
