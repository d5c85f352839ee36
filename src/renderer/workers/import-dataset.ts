/**
 * One CSV import, as the import worker runs it: the file's bytes stream through the core importer,
 * each finished chunk goes to IndexedDB at once (under a `pending` dataset), the bytes are hashed
 * on the way, and the dataset becomes `ready` in one last transaction. Any failure or a cancel
 * deletes everything written, so nothing half-stored is ever listed.
 */
import type { CsvDelimiter, CsvEncoding, CsvImportOptions, CsvImportResult } from '@core/csv';
import { createCsvImporter, CsvImportError } from '@core/csv';
import type { CsvImportErrorCode } from '@core/csv';
import type { TableChunk } from '@core/table';
import { CHUNK_ROWS } from '@core/table';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DatasetsRepository } from '../db/datasets-repository';
import { formatBytes } from '../app/format';

/** What the user can override when the detection got it wrong. */
export interface DatasetImportOverrides {
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  hasHeader?: boolean;
  /** Cell texts to read as missing, instead of the defaults (NA, N/A, null, NULL, -). */
  missingTokens?: string[];
}

export interface DatasetImportRequest {
  datasetId: string;
  name: string;
  /** Files larger than this are refused before anything is read. */
  maxBytes: number;
  overrides?: DatasetImportOverrides;
  /** The dataset this import replaces once it is ready (a re-import with other options). */
  replaces?: string;
}

export interface DatasetImportProgress {
  /** 'retyping' is the second pass the importer asks for when a column's type changed late. */
  phase: 'reading' | 'retyping';
  bytesRead: number;
  totalBytes: number;
  rowsParsed: number;
}

export type DatasetImportFailureCode = CsvImportErrorCode | 'too-large' | 'quota-exceeded' | 'unexpected';

export type DatasetImportOutcome =
  | {
      status: 'ready';
      datasetId: string;
      rowCount: number;
      columnCount: number;
      raggedCount: number;
      renamedHeaders: number;
      rejectedValues: number;
    }
  | { status: 'failed'; code: DatasetImportFailureCode; message: string; line?: number }
  | { status: 'cancelled' };

/** The file as the worker receives it; a DOM File fits, and so does a Node Blob with a name. */
export interface ImportSource {
  readonly name: string;
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

export interface ImportDependencies {
  datasets: DatasetsRepository;
  signal: AbortSignal;
  onProgress: (progress: DatasetImportProgress) => void;
  estimateStorage?: () => Promise<StorageEstimateLike>;
  /** How often progress is reported at most, in ms. */
  progressIntervalMs?: number;
  /**
   * SHA-256 (hex) of the file, computed alongside the import (e.g. in another worker, reading the
   * file again); aborted once the import ends. Without it the import hashes the bytes it reads,
   * on its own thread.
   */
  hashFile?: (file: ImportSource, signal: AbortSignal) => Promise<string>;
}

class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
}

/** Chromium reports a full disk as QuotaExceededError; Dexie may wrap it (inner) or abort with it. */
function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { name, inner, cause } = error as { name?: unknown; inner?: unknown; cause?: unknown };
  if (name === 'QuotaExceededError') return true;
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

/** Approximate bytes a chunk takes in IndexedDB: its arrays, plus dictionary strings as UTF-16. */
function chunkBytes(chunk: TableChunk): number {
  let total = 0;
  for (const column of chunk.columns) {
    if (column.kind === 'string') {
      total += column.codes.byteLength;
      for (const s of column.dictionary) total += 2 * s.length + 8;
    } else total += column.values.byteLength;
  }
  return total;
}

export async function importDataset(
  file: ImportSource,
  request: DatasetImportRequest,
  deps: ImportDependencies,
): Promise<DatasetImportOutcome> {
  const { datasets, signal } = deps;
  const interval = deps.progressIntervalMs ?? 100;
  if (file.size > request.maxBytes) {
    return {
      status: 'failed',
      code: 'too-large',
      message: `${file.name} is ${formatBytes(file.size)}, over the import limit of ${formatBytes(request.maxBytes)}. The limit can be raised in Settings → Datasets.`,
    };
  }

  /** Bytes of the chunks written (or being written) so far, to estimate space needed on a full disk. */
  let storedBytes = 0;
  let lastBytesRead = 0;
  let began = false;
  /** Stops a parallel hash when the import ends early, or is cancelled while waiting for it. */
  const hashing = new AbortController();
  signal.addEventListener('abort', () => {
    hashing.abort();
  });

  const streamOnce = async (
    options: CsvImportOptions,
    phase: DatasetImportProgress['phase'],
    hash: ReturnType<typeof sha256.create> | undefined,
  ): Promise<CsvImportResult> => {
    const importer = createCsvImporter(options);
    const reader = file.stream().getReader();
    let lastReport = 0;
    const report = (force: boolean): void => {
      const now = Date.now();
      if (!force && now - lastReport < interval) return;
      lastReport = now;
      const p = importer.progress();
      deps.onProgress({ phase, bytesRead: p.bytesRead, totalBytes: file.size, rowsParsed: p.rowsParsed });
    };
    /**
     * The write of the last chunk handed over. Only that one is waited for before the next, so the
     * file is read and parsed on while IndexedDB commits (at most one chunk extra in memory).
     */
    let writing: Promise<void> = Promise.resolve();
    const store = async (chunks: TableChunk[]): Promise<void> => {
      for (const chunk of chunks) {
        if (signal.aborted) throw new ImportCancelled();
        // Counted before the write, so a write refused for lack of space still counts as needed.
        storedBytes += chunkBytes(chunk);
        await writing;
        writing = datasets.putChunk(request.datasetId, chunk);
        // A failure surfaces at the next await of `writing`; until then it is not unhandled.
        writing.catch(() => undefined);
      }
    };
    try {
      report(true);
      for (;;) {
        if (signal.aborted) throw new ImportCancelled();
        const { done, value } = await reader.read();
        if (done) break;
        hash?.update(value);
        const chunks = importer.push(value);
        lastBytesRead = importer.progress().bytesRead;
        await store(chunks);
        report(chunks.length > 0);
      }
      const result = importer.finish();
      if (result.status === 'complete') await store(result.chunks);
      await writing;
      report(true);
      return result;
    } finally {
      // Stops the file read early on cancel or error; a finished stream ignores it.
      await reader.cancel().catch(() => undefined);
      // Whatever happened, no write may still be landing when the caller cleans up.
      await writing.catch(() => undefined);
    }
  };

  try {
    await datasets.beginImport({
      id: request.datasetId,
      name: request.name,
      sourceFileName: file.name,
      sizeBytes: file.size,
      ...(request.replaces !== undefined ? { replaces: request.replaces } : {}),
    });
    began = true;
    const inlineHash = deps.hashFile === undefined ? sha256.create() : undefined;
    const parallelHash = deps.hashFile?.(file, hashing.signal);
    // Awaited only after the first pass; a failure before then must not go unhandled meanwhile.
    parallelHash?.catch(() => undefined);
    const overrides = request.overrides ?? {};
    let result = await streamOnce({ ...overrides }, 'reading', inlineHash);
    const digest = inlineHash ? bytesToHex(inlineHash.digest()) : await (parallelHash ?? '');
    if (result.status === 'restart') {
      // A late value changed a column's storage kind: the chunks written so far are unusable.
      await datasets.discardChunks(request.datasetId);
      storedBytes = 0;
      result = await streamOnce(result.restartOptions, 'retyping', undefined);
      if (result.status === 'restart')
        throw new Error(`The importer asked to restart twice: ${result.reason}`);
    }
    const { schema } = result;
    // No type is forced at import, so the stored types are what was inferred. A second pass runs
    // with the first pass's findings forced and cannot infer, so its report takes them from there.
    const report = {
      ...result.report,
      columns: result.report.columns.map((c, i) => ({ ...c, inferredType: schema[i]?.type ?? c.type })),
    };
    await datasets.completeImport(request.datasetId, {
      sha256: digest,
      columns: schema.map((col, i) => ({
        name: col.name,
        type: col.type,
        inferredType: report.columns[i]?.inferredType ?? col.type,
      })),
      rowCount: report.rowCount,
      chunkCount: Math.ceil(report.rowCount / CHUNK_ROWS),
      report,
      ...(request.replaces !== undefined ? { replaces: request.replaces } : {}),
    });
    return {
      status: 'ready',
      datasetId: request.datasetId,
      rowCount: report.rowCount,
      columnCount: schema.length,
      raggedCount: report.ragged.count,
      renamedHeaders: report.headerNotices.length,
      rejectedValues: report.columns.reduce((n, c) => n + c.rejectedCount, 0),
    };
  } catch (error) {
    hashing.abort();
    if (began) await datasets.remove(request.datasetId).catch(() => undefined);
    if (error instanceof ImportCancelled || signal.aborted) return { status: 'cancelled' };
    if (error instanceof CsvImportError) {
      return {
        status: 'failed',
        code: error.code,
        message: error.message,
        ...(error.line !== undefined ? { line: error.line } : {}),
      };
    }
    if (isQuotaError(error)) {
      return { status: 'failed', code: 'quota-exceeded', message: await quotaMessage(file, deps) };
    }
    return {
      status: 'failed',
      code: 'unexpected',
      message: error instanceof Error ? error.message : String(error),
    };
  }

  async function quotaMessage(source: ImportSource, d: ImportDependencies): Promise<string> {
    // Stored size grows roughly with bytes read, so extrapolate what the whole file would need.
    const needed = lastBytesRead > 0 ? (storedBytes / lastBytesRead) * source.size : source.size;
    const estimate = await d.estimateStorage?.().catch(() => undefined);
    const free =
      estimate?.quota !== undefined && estimate.usage !== undefined
        ? Math.max(0, estimate.quota - estimate.usage)
        : undefined;
    const space =
      free !== undefined
        ? `It needs about ${formatBytes(needed)}; about ${formatBytes(free)} is available to this app.`
        : `It needs about ${formatBytes(needed)}.`;
    return `Not enough storage space to import ${source.name}. ${space} Free disk space or delete datasets you no longer need, then import again.`;
  }
}
