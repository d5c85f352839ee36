import { KpoDatabase } from './database';
import { createChecklistTemplatesRepository } from './checklist-templates-repository';
import { createDatasetsRepository } from './datasets-repository';
import { createIdentityRepository } from './identity-repository';
import { createReceivedPackagesRepository } from './received-packages-repository';
import { createSavedViewsRepository } from './saved-views-repository';
import { createSentPackagesRepository } from './sent-packages-repository';
import { createSettingsRepository } from './settings-repository';
import { createTasksRepository } from './tasks-repository';
import { createTimeEntriesRepository } from './time-entries-repository';
import { createTrustedKeysRepository } from './trusted-keys-repository';
import { createReviewRepository } from './review-repository';
import { createHandoffRepository } from './handoff-repository';
import { createDashboardRepository } from './dashboard-repository';

export { UserInputError } from './errors';
export type {
  DatasetColumnRecord,
  DatasetImportReport,
  DatasetRecord,
  ProfileRecord,
  ReceivedPackageRecord,
  Role,
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
export type { SentPackageSummary } from './sent-packages-repository';
export type { ReceivedPackageSummary } from './received-packages-repository';
export type { SavedView } from './saved-views-repository';
export type { ColumnTypeChange } from './datasets-repository';
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
  datasets: createDatasetsRepository(database),
  settings: createSettingsRepository(database),
  tasks: createTasksRepository(database),
  sentPackages: createSentPackagesRepository(database),
  checklistTemplates: createChecklistTemplatesRepository(database),
  timeEntries: createTimeEntriesRepository(database),
  review: createReviewRepository(database),
  handoff: createHandoffRepository(database),
  dashboard: createDashboardRepository(database),
};
