import type { PackageKind, VerifyPackageResult } from '@core/package';
import type { ScreenId } from '../../app/routes';
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
  /** Where the task opens: the inbox unless the package belongs on another screen. */
  screen?: ScreenId;
  message: string;
}

/**
 * What a package does once it is read, in the two parts one transaction allows (IndexedDB commits a
 * transaction as soon as it waits on anything else).
 */
export interface PackageEffects {
  /**
   * Stores what the package carries. It runs inside the transaction that also records the package
   * as received, so either both are stored or neither; it must await IndexedDB work only (the
   * repositories), nothing else. A throw leaves nothing behind.
   */
  apply: () => Promise<AppliedPackage>;
  /**
   * Background work the stored package starts once committed (a task's dataset imports), which must
   * never undo the import: a failure is reported in the message and can be retried from the task.
   */
  afterCommit?: (applied: AppliedPackage) => Promise<AppliedPackage>;
}

/**
 * What each kind of package does once it is verified: a task package becomes a task, a submission
 * goes to review, and so on. The handler itself reads and checks the package (parsing, digests,
 * deliverable verification: anything that is not IndexedDB work) before any transaction opens, and
 * returns the effects to apply; a package it refuses throws here and nothing is stored.
 */
export type ReceivedPackageHandler = (pkg: ReceivedPackage) => PackageEffects | Promise<PackageEffects>;

export const RECEIVED_PACKAGE_HANDLERS: Record<PackageKind, ReceivedPackageHandler> = {
  task: receiveTaskPackage,
  submission: receiveSubmission,
  review: receiveReview,
  deliverable: receiveDeliverable,
  acceptance: receiveAcceptance,
};
