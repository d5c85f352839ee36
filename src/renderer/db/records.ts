/** Shapes of what the database stores. Only repositories in this folder read or write them. */
import type { CsvImportReport } from '@core/csv';
import type { ColumnType, TableChunk } from '@core/table';

export const ROLES = ['coordinator', 'analyst', 'reviewer', 'client'] as const;
export type Role = (typeof ROLES)[number];

export interface ProfileRecord {
  id: 'me';
  displayName: string;
  organisation: string;
  email: string;
  roles: Role[];
  /** Hex key id (minisign's display form) of the signing key in `signingKeys`. */
  keyId: string;
  createdAt: string;
}

export interface SigningKeyRecord {
  keyId: string;
  keyIdBytes: Uint8Array;
  publicKey: Uint8Array;
  /** Non-extractable: the browser can sign with it but nothing can read it out. */
  privateKey: CryptoKey;
  createdAt: string;
}

export interface TrustedKeyRecord {
  keyId: string;
  keyIdBytes: Uint8Array;
  publicKey: Uint8Array;
  name: string;
  role: Role | 'other';
  addedAt: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A package that passed verification and was imported; what it carries is interpreted by later features. */
export interface ReceivedPackageRecord {
  packageId: string;
  kind: string;
  taskId: string;
  fileName: string;
  sizeBytes: number;
  /** What verification said at import time: trusted, or signed by a key the user chose to accept. */
  verification: 'trusted' | 'unknown-signer';
  signerKeyId: string;
  signerName?: string;
  baggingDate: string | null;
  importedAt: string;
  /** The .kpo exactly as received, so it can be re-verified or handed on unchanged. */
  bytes: Uint8Array;
}

/** How a stored dataset's import went: the importer's report as it was when the dataset became ready. */
export type DatasetImportReport = CsvImportReport;

export interface DatasetColumnRecord {
  name: string;
  /** The type queries use: inferred at import, or chosen by the user afterwards. */
  type: ColumnType;
  /** What the importer inferred, kept so a changed type can be explained and undone. */
  inferredType: ColumnType;
}

/**
 * A CSV stored columnar, in chunks (DESIGN.md §4). Written `pending` while chunks arrive and flipped
 * to `ready` in the import's last transaction; anything still pending at start-up is swept away.
 */
export interface DatasetRecord {
  id: string;
  name: string;
  sourceFileName: string;
  sizeBytes: number;
  /** Hex SHA-256 of the file's bytes as read. */
  sha256: string;
  columns: DatasetColumnRecord[];
  rowCount: number;
  chunkCount: number;
  status: 'pending' | 'ready';
  createdAt: string;
  report: DatasetImportReport;
}

/** One chunk of a dataset (about 64k rows of every column), typed arrays stored as they are. */
export interface DatasetChunkRecord {
  datasetId: string;
  index: number;
  chunk: TableChunk;
}

/**
 * A named view of a dataset (the viewer's saved-views repository owns its content; storage needs only
 * the keys to delete a dataset's views with it). `spec` is validated with ViewSpecSchema on write and
 * on every read.
 */
export interface SavedViewRecord {
  id: string;
  datasetId: string;
  name: string;
  spec: unknown;
  createdAt: string;
  updatedAt: string;
}
