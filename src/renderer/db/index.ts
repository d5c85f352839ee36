import { KpoDatabase } from './database';
import { createChecklistTemplatesRepository } from './checklist-templates-repository';
import { createDatasetActivityRepository } from './dataset-activity-repository';
import { createDatasetsRepository } from './datasets-repository';
import { createQcRepository } from './qc-repository';
import { createIdentityRepository } from './identity-repository';
import { createReceivedPackagesRepository } from './received-packages-repository';
import { createSavedViewsRepository } from './saved-views-repository';
import { createSentPackagesRepository } from './sent-packages-repository';
import { createSettingsRepository } from './settings-repository';
import { createSubmissionsRepository } from './submissions-repository';
import { createTasksRepository } from './tasks-repository';
import { createTimeEntriesRepository } from './time-entries-repository';
import { createChartsRepository } from './charts-repository';
import { createSourcesRepository } from './sources-repository';
import { createFindingsRepository } from './findings-repository';
import { createAnswersRepository } from './answers-repository';
import { createTrustedKeysRepository } from './trusted-keys-repository';
import { createReviewRepository } from './review-repository';
import { createHandoffRepository } from './handoff-repository';
import { createDashboardRepository } from './dashboard-repository';
import { createDeliveriesRepository } from './deliveries-repository';

export { UserInputError } from './errors';
export type { Chart } from './charts-repository';
export type { SourceAttachment, SourceAttachmentInput, SourceFields } from './sources-repository';
export { MAX_SOURCE_ATTACHMENT_BYTES, SOURCE_ATTACHMENT_EXTENSIONS } from './sources-repository';
export type {
  DatasetColumnRecord,
  DatasetImportReport,
  DatasetRecord,
  ProfileRecord,
  AcceptanceRecord,
  ReceivedPackageRecord,
  ReceivedTimeEntry,
  ReceivedTimeRecord,
  Role,
  SavedViewRecord,
  TaskFileRecord,
  AnswerRecord,
  ChartRecord,
  ChecklistItemRecord,
  ChecklistTemplateRecord,
  EvidenceRef,
  FindingRecord,
  QcResultRecord,
  QcVerdictRecord,
  ReviewCommentRecord,
  SourceRecord,
  SubmissionRecord,
  TaskDatasetRecord,
  TaskEventRecord,
  TaskPersonRecord,
  TaskRecord,
  TimeEntryRecord,
  TrustedKeyRecord,
} from './records';
export type { TaskDraftFields } from './tasks-repository';
export type { NewReviewComment } from './review-repository';
export type { ReceivedTaskWork, ReceivedVersion } from './handoff-repository';
export type { DashboardInput } from './dashboard-repository';
export type { DeliverableHolding, TaskDeliverySummary } from './deliveries-repository';
export type { SentPackageSummary } from './sent-packages-repository';
export type {
  AuditHead,
  SubmissionInputs,
  SubmissionSummary,
  SubmissionsRepository,
} from './submissions-repository';
export type { ReceivedPackageSummary } from './received-packages-repository';
export type { SavedView } from './saved-views-repository';
export type { ChecklistTemplateEntry, ChecklistTemplateInput } from './checklist-templates-repository';
export type { EvidenceOption, QcOverview, QcResultPatch } from './qc-repository';
export type { TimeEntryInput } from './time-entries-repository';
export { localDay } from './time-entries-repository';
export type { ColumnTypeChange } from './datasets-repository';
export type { DatasetUse } from './dataset-locks';
export { DEFAULT_DATASET_IMPORT_LIMIT_BYTES } from './settings-repository';
export { ROLES } from './records';
export type { ProfileInput } from './identity-repository';
export type { TrustedKeyInput } from './trusted-keys-repository';

const database = new KpoDatabase();

/** The app's one database, reached only through these repositories. */
export const repositories = {
  identity: createIdentityRepository(database),
  trustedKeys: createTrustedKeysRepository(database),
  receivedPackages: createReceivedPackagesRepository(database),
  savedViews: createSavedViewsRepository(database),
  charts: createChartsRepository(database),
  sources: createSourcesRepository(database),
  findings: createFindingsRepository(database),
  answers: createAnswersRepository(database),
  datasets: createDatasetsRepository(database),
  settings: createSettingsRepository(database),
  tasks: createTasksRepository(database),
  sentPackages: createSentPackagesRepository(database),
  checklistTemplates: createChecklistTemplatesRepository(database),
  timeEntries: createTimeEntriesRepository(database),
  datasetActivity: createDatasetActivityRepository(database),
  qc: createQcRepository(database),
  submissions: createSubmissionsRepository(database),
  review: createReviewRepository(database),
  handoff: createHandoffRepository(database),
  dashboard: createDashboardRepository(database),
  deliveries: createDeliveriesRepository(database),
};
