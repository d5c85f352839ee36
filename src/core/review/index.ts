// Review, sign-off and client acceptance (issue 6): version diff, approval gate, the client's
// deliverable verification and the documents review/deliverable/acceptance packages carry.
export type { ArtifactKind, DeliverableFiles } from './deliverable-files';
export {
  artifactOf,
  artifactTitles,
  deliverableFilesOf,
  describeEvidence,
  evidenceTitles,
  readAnswers,
} from './deliverable-files';
export type {
  AnswerDiff,
  ArtifactChange,
  DeliverableVersionInput,
  DiffPart,
  QcItemChange,
  QcItemField,
  QcItemState,
  TextDiff,
  VersionDiff,
} from './version-diff';
export {
  describeArtifactChange,
  describeQcChange,
  diffDisplayLines,
  diffText,
  diffVersions,
} from './version-diff';
export type { ApprovalGate, ApprovalGateInput } from './approval-gate';
export { checkApproval } from './approval-gate';
export type { NamedParts, ReviewTarget, ReviewTargetNames } from './review-targets';
export {
  capitalise,
  describeReviewTarget,
  parseReviewTarget,
  reviewTargetNames,
  sectionTarget,
} from './review-targets';
export type { ReviewThread, ThreadableComment } from './review-threads';
export { reviewThreads, threadsElsewhere } from './review-threads';
export type { HistoryComment, HistoryVerdict, ReviewDecision, ReviewRound } from './review-history';
export { feedbackCount, reviewHistory } from './review-history';
export type { DeliverableVerification, SignoffReport } from './deliverable-verification';
export { verifyDeliverable } from './deliverable-verification';
export type { ReviewerStanding } from './reviewer-standing';
export { reviewerStanding } from './reviewer-standing';
export type { Delivery, DeliveryHistory, LoggedMove } from './delivery';
export { acceptanceMismatches, deliveryHistory, lastDelivery } from './delivery';
export type { Acceptance, QcVerdict, ReviewThreadComment } from './review-documents';
export {
  ACCEPTANCE_FILE,
  acceptanceSchema,
  QC_VERDICTS_FILE,
  qcVerdictsSchema,
  readJsonDocument,
  REVIEW_DECISION_FILE,
  REVIEW_THREADS_FILE,
  reviewDecisionSchema,
  reviewThreadsSchema,
  toPackageComments,
} from './review-documents';
