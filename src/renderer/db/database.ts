import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Migration } from './migrations';
import { migrations as allMigrations } from './migrations';
import type {
  AcceptanceRecord,
  AnswerRecord,
  ChartRecord,
  ChecklistTemplateRecord,
  DatasetActivityRecord,
  FindingRecord,
  QcResultRecord,
  QcVerdictRecord,
  ReviewCommentRecord,
  SentPackageRecord,
  SourceRecord,
  SubmissionRecord,
  TaskEventRecord,
  TaskFileRecord,
  TaskRecord,
  TimeEntryRecord,
  DatasetChunkRecord,
  DatasetRecord,
  ProfileRecord,
  ReceivedPackageRecord,
  ReceivedTimeRecord,
  SavedViewRecord,
  SettingRecord,
  SigningKeyRecord,
  TrustedKeyRecord,
} from './records';

export const DATABASE_NAME = 'kpo-workbench';

export class KpoDatabase extends Dexie {
  declare profile: Table<ProfileRecord, 'me'>;
  declare signingKeys: Table<SigningKeyRecord, string>;
  declare trustedKeys: Table<TrustedKeyRecord, string>;
  declare settings: Table<SettingRecord, string>;
  declare receivedPackages: Table<ReceivedPackageRecord, string>;
  declare datasets: Table<DatasetRecord, string>;
  declare datasetChunks: Table<DatasetChunkRecord, [string, number]>;
  declare savedViews: Table<SavedViewRecord, string>;
  declare tasks: Table<TaskRecord, string>;
  declare taskFiles: Table<TaskFileRecord, [string, string]>;
  declare taskEvents: Table<TaskEventRecord, [string, number]>;
  declare charts: Table<ChartRecord, string>;
  declare sources: Table<SourceRecord, string>;
  declare findings: Table<FindingRecord, string>;
  declare answers: Table<AnswerRecord, [string, number]>;
  declare timeEntries: Table<TimeEntryRecord, string>;
  declare qcResults: Table<QcResultRecord, [string, string]>;
  declare checklistTemplates: Table<ChecklistTemplateRecord, string>;
  declare datasetActivity: Table<DatasetActivityRecord, string>;
  declare submissions: Table<SubmissionRecord, [string, number]>;
  declare sentPackages: Table<SentPackageRecord, string>;
  declare reviewComments: Table<ReviewCommentRecord, string>;
  declare qcVerdicts: Table<QcVerdictRecord, [string, number, string]>;
  declare receivedTime: Table<ReceivedTimeRecord, string>;
  declare acceptances: Table<AcceptanceRecord, string>;

  /** `migrations` is a parameter only so tests can open a database as an older version. */
  constructor(name: string = DATABASE_NAME, migrations: readonly Migration[] = allMigrations) {
    super(name);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}
