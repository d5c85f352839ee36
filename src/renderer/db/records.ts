/** Shapes of what the database stores. Only repositories in this folder read or write them. */
import type { CsvImportReport } from '@core/csv';
import type { ColumnType, TableChunk } from '@core/table';
import type { TaskState } from '@core/workflow';

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

// ---- Tasks (schema version 5) --------------------------------------------------------------------

/** Someone a task names, as the trust list knows them. */
export interface TaskPersonRecord {
  name: string;
  keyId: string;
  email?: string;
}

/** A CSV that belongs to a task: its original bytes live in `taskFiles`, its columnar copy in `datasets`. */
export interface TaskDatasetRecord {
  /** Path inside the package's data/, e.g. `datasets/sales.csv`. */
  path: string;
  name: string;
  sha256: string;
  bytes: number;
  /** The local columnar dataset; absent while it is being imported or if the import failed. */
  datasetId?: string;
}

export interface ChecklistItemRecord {
  id: string;
  text: string;
  severity: 'critical' | 'major' | 'minor';
  evidenceRequired: boolean;
  /** One of core/workflow's automatic check ids. */
  automaticCheck?: string;
}

/**
 * A task as this installation knows it. Authored drafts may be incomplete, so fields are loose here
 * and checked against core's taskSchema when the task is exported.
 */
export interface TaskRecord {
  id: string;
  /** `authored`: written here by a coordinator; `received`: imported from a task package. */
  origin: 'authored' | 'received';
  state: TaskState;
  title: string;
  client: string;
  brief: string;
  questions: { number: number; text: string }[];
  /** ISO date-time, or '' while a draft has none. */
  due: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  estimateHours: number;
  coordinator?: TaskPersonRecord;
  analyst?: TaskPersonRecord;
  reviewer?: TaskPersonRecord;
  datasets: TaskDatasetRecord[];
  checklistName: string;
  checklist: ChecklistItemRecord[];
  /** The task package this task was imported from. */
  sourcePackageId?: string;
  /** Highest submission version made or received so far (0: none). */
  version: number;
  /** Set while the analyst's timer runs. */
  timerStartedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** Original bytes of a task's files (CSV datasets as received, source attachments), keyed by path. */
export interface TaskFileRecord {
  taskId: string;
  path: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** One event of a task's hash-chained audit log (core/package audit-chain), keyed [taskId+seq]. */
export interface TaskEventRecord {
  taskId: string;
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** A chart: a spec (saved view + encoding) re-rendered from the data; `spec` validated in core/charts. */
export interface ChartRecord {
  id: string;
  taskId: string;
  viewId: string;
  spec: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface SourceRecord {
  id: string;
  taskId: string;
  title: string;
  author: string;
  url: string;
  /** YYYY-MM-DD. */
  accessed: string;
  notes: string;
  /** Path of the attached file in `taskFiles` (e.g. `sources/<id>/report.pdf`). */
  attachmentPath?: string;
  createdAt: string;
  updatedAt: string;
}

export interface FindingRecord {
  id: string;
  taskId: string;
  title: string;
  /** Markdown; charts, views and sources are referenced as kpo: links (see core/findings). */
  markdown: string;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceRef {
  kind: 'chart' | 'view' | 'finding' | 'source';
  id: string;
}

export interface AnswerRecord {
  taskId: string;
  questionNumber: number;
  text: string;
  evidence: EvidenceRef[];
  updatedAt: string;
}

export interface TimeEntryRecord {
  id: string;
  taskId: string;
  /** Key id of who worked. */
  person: string;
  /** YYYY-MM-DD, local day the work was done. */
  date: string;
  minutes: number;
  note: string;
  origin: 'timer' | 'manual';
  createdAt: string;
}

export interface QcResultRecord {
  taskId: string;
  itemId: string;
  result: 'open' | 'pass' | 'fail' | 'not-applicable';
  comment: string;
  /** Evidence references (`chart:<id>`, `source:<id>`, ...) or free text. */
  evidence: string[];
  /** Why a failing critical item may still leave. */
  justification: string;
  checkedBy?: string;
  checkedAt?: string;
}

export interface ChecklistTemplateRecord {
  id: string;
  name: string;
  description: string;
  items: ChecklistItemRecord[];
  createdAt: string;
  updatedAt: string;
}

/** What the analyst did with a dataset, for the "every dataset opened and profiled" check. */
export interface DatasetActivityRecord {
  datasetId: string;
  openedAt?: string;
  profiledAt?: string;
}

/**
 * One frozen version of a task's deliverable: the payload files exactly as signed, so a later review
 * can diff versions and the package can be exported again byte for byte.
 */
export interface SubmissionRecord {
  taskId: string;
  version: number;
  contentDigest: string;
  /** Payload files keyed relative to data/ (deliverable/..., qc/checklist.json, ...). */
  files: Record<string, Uint8Array>;
  submittedAt: string;
  submittedBy: TaskPersonRecord;
  packageId: string;
}

/** A package this installation signed and exported (the Inbox's "sent" list). */
export interface SentPackageRecord {
  packageId: string;
  taskId: string;
  kind: string;
  fileName: string;
  sizeBytes: number;
  createdAt: string;
  bytes: Uint8Array;
}

/** A reviewer's comment, threaded by `parentId`, on one part of one submitted version. */
export interface ReviewCommentRecord {
  id: string;
  taskId: string;
  version: number;
  /** What it is about: `section:<heading>`, `answer:<n>`, `chart:<id>`, `table:<id>`, `qc:<itemId>`. */
  target: string;
  parentId?: string;
  author: TaskPersonRecord;
  body: string;
  at: string;
  resolved: boolean;
}

/** The reviewer's verdict on one QC item of one version. */
export interface QcVerdictRecord {
  taskId: string;
  version: number;
  itemId: string;
  verdict: 'agree' | 'disagree';
  comment: string;
  at: string;
}

// ---- Deliveries (schema version 6) ---------------------------------------------------------------

/** One time entry as a package's time/entries.json carries it (core/package timeEntrySchema). */
export interface ReceivedTimeEntry {
  id: string;
  /** Key id of who worked. */
  person: string;
  /** YYYY-MM-DD. */
  date: string;
  minutes: number;
  activity: string;
  note?: string;
}

/**
 * Time entries that arrived with a task's work: the analyst's time/entries.json as frozen with a
 * version, from a received submission or deliverable, or from the acceptance that decided on it.
 * One record per package; the dashboard counts a task's latest version only, and local entries of
 * the same id before any of these.
 */
export interface ReceivedTimeRecord {
  /** The package the entries arrived in. */
  packageId: string;
  taskId: string;
  kind: 'submission' | 'deliverable' | 'acceptance';
  /** The version they were frozen with; absent when an acceptance's log did not say which was delivered. */
  version?: number;
  entries: ReceivedTimeEntry[];
  receivedAt: string;
}

/** The client's signed decision on a delivered task, as the imported acceptance.json states it. */
export interface AcceptanceRecord {
  /** The acceptance package. */
  packageId: string;
  taskId: string;
  decision: 'accepted' | 'rejected';
  comments: string;
  signer: { name: string; keyId: string };
  /** When the client signed, as their sign-off says. */
  signedAt: string;
  deliverablePackageId: string;
  /** The digest the client signed: the delivered content's. */
  contentDigest: string;
  /** The delivered version, when the task's log names it. */
  version?: number;
  receivedAt: string;
}
