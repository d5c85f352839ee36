// The `.kpo` package (DESIGN.md §5–7): a signed BagIt bag carrying RO-Crate and Data Package
// metadata plus the task's own documents, zipped under one directory named after the package id.
export type {
  PackageFinding,
  PackageInfo,
  PackageKind,
  TrustedKey,
  VerificationStatus,
  VerifyPackageResult,
} from './types';
export { isPackageKind, PACKAGE_KINDS } from './types';
export { checkFormatVersion, KPO_FORMAT_VERSION } from './format-version';
export type { BuildPackageInput, PackageSigner } from './build-package';
export { buildPackage, buildPackageFiles, PackageBuildError } from './build-package';
export type { VerifyPackageOptions } from './verify-package';
export { verifyPackage } from './verify-package';
export type { PackageSignerKey, SignoffSignature } from './signoff-check';
export { checkSignoffSignature, FOUR_EYES_RULE } from './signoff-check';
export { readPackageInfo, SIGNATURE_FILE, SIGNED_TAG_MANIFEST, SIGNER_KEY_FILE } from './bag-info-labels';
export {
  ACCEPTANCE_FILE,
  AUDIT_LOG_FILE,
  CHECKLIST_FILE,
  DATAPACKAGE_FILE,
  DELIVERABLE_MANIFEST_FILE,
  REVIEW_COMMENTS_FILE,
  RO_CRATE_FILE,
  SIGNOFFS_FILE,
  TASK_FILE,
  TIME_ENTRIES_FILE,
  validatePayloadDocuments,
} from './payload-documents';
export type { PackagePerson, PersonRole } from './ro-crate';
export { buildRoCrate, PERSON_ROLES, RO_CRATE_CONTEXT, RO_CRATE_PROFILE } from './ro-crate';
export type { DataResourceInput } from './datapackage';
export { buildDataPackage } from './datapackage';
export { canonicalJson } from './canonical-json';
export type { AuditEventInput, AuditChainProblem } from './audit-chain';
export {
  appendAuditEvent,
  auditEventHash,
  checkAuditChain,
  GENESIS_HASH,
  serializeAuditLog,
} from './audit-chain';
export {
  computeContentDigest,
  createSignoff,
  DELIVERABLE_PREFIX,
  signoffMessage,
  verifySignoff,
} from './signoff';
export { checkFrozenRecords, recordFrozenFiles } from './frozen-records';
export type { FrozenAuditHead, FrozenRecord, FrozenRecordFile } from './schemas/frozen-records';
export {
  FROZEN_RECORD_FILES,
  frozenAuditHeadSchema,
  frozenRecordSchema,
  frozenRecordsSchema,
} from './schemas/frozen-records';
export type { Acceptance } from './schemas/acceptance';
export { acceptanceSchema } from './schemas/acceptance';
export type { AuditEvent } from './schemas/audit-event';
export { auditEventSchema } from './schemas/audit-event';
export type { Checklist } from './schemas/checklist';
export { checklistSchema } from './schemas/checklist';
export type { Person } from './schemas/common';
export { keyIdSchema } from './schemas/common';
export type { ReviewComments } from './schemas/review-comments';
export { reviewCommentsSchema } from './schemas/review-comments';
export type { Signoff, Signoffs } from './schemas/signoffs';
export { signoffsSchema } from './schemas/signoffs';
export type { ChecklistTemplate, ColumnType, Dataset, Task } from './schemas/task';
export { checklistTemplateSchema, COLUMN_TYPES, taskSchema } from './schemas/task';
export type { TimeEntries } from './schemas/time-entries';
export { timeEntriesSchema } from './schemas/time-entries';
