import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Migration } from './migrations';
import { migrations as allMigrations } from './migrations';
import type {
  DatasetChunkRecord,
  DatasetRecord,
  ProfileRecord,
  ReceivedPackageRecord,
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

  /** `migrations` is a parameter only so tests can open a database as an older version. */
  constructor(name: string = DATABASE_NAME, migrations: readonly Migration[] = allMigrations) {
    super(name);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}
