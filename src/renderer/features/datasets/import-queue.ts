/**
 * The queue of CSV imports: one file at a time, each in its own worker, with progress and cancel.
 * Module state rather than component state, so an import keeps going (and stays visible) while the
 * user moves between screens.
 */
import { proxy, wrap } from 'comlink';
import { useSyncExternalStore } from 'react';
import { repositories } from '../../db';
import { platform } from '../../platform';
import type {
  DatasetImportOutcome,
  DatasetImportOverrides,
  DatasetImportProgress,
} from '../../workers/import-dataset';
import type { ImportDatasetWorker } from '../../workers/import-dataset.worker';
import { errorMessage } from '../common/error-message';

export type ImportJobState = 'queued' | 'running' | 'cancelling' | 'done';

export interface ImportJob {
  readonly key: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly datasetId: string;
  readonly state: ImportJobState;
  readonly progress?: DatasetImportProgress;
  /** Set once the job is done. */
  readonly outcome?: DatasetImportOutcome;
  readonly replaces?: string;
}

export interface EnqueueOptions {
  overrides?: DatasetImportOverrides;
  /** Re-import: the dataset the new one replaces, and whose name it keeps. */
  replaces?: { id: string; name: string };
}

interface JobInternals {
  file: File;
  name: string;
  overrides: DatasetImportOverrides | undefined;
  cancel?: (() => void) | undefined;
}

let jobs: readonly ImportJob[] = [];
const internals = new Map<string, JobInternals>();

// A page that goes away (reload, close) cancels its imports. A worker can outlive its page for a
// moment; cancelled, it deletes what it wrote and frees its lock, instead of finishing an import
// nobody is watching while the next page's start-up sweep waits on that lock.
addEventListener('pagehide', () => {
  for (const own of internals.values()) own.cancel?.();
});
const listeners = new Set<() => void>();
/** Files imported in this session, so a dataset can be re-imported with other options without asking again. */
const sourceFiles = new Map<string, File>();
let pumping = false;

function publish(next: readonly ImportJob[]): void {
  jobs = next;
  for (const listener of listeners) listener();
}

function update(key: string, change: Partial<ImportJob>): void {
  publish(jobs.map((job) => (job.key === key ? { ...job, ...change } : job)));
}

function baseName(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt)$/i, '') || fileName;
}

export function enqueueDatasetImports(
  files: readonly File[],
  options: EnqueueOptions = {},
): readonly ImportJob[] {
  const added = files.map((file): ImportJob => {
    const key = crypto.randomUUID();
    internals.set(key, {
      file,
      name: options.replaces?.name ?? baseName(file.name),
      overrides: options.overrides,
    });
    return {
      key,
      fileName: file.name,
      sizeBytes: file.size,
      datasetId: crypto.randomUUID(),
      state: 'queued',
      ...(options.replaces ? { replaces: options.replaces.id } : {}),
    };
  });
  publish([...jobs, ...added]);
  void pump();
  return added;
}

export const CSV_FILTER = [{ name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] }];

/** The open-file dialog for one or more CSV files, each queued for import. Resolves to how many. */
export async function chooseAndImportCsvFiles(): Promise<number> {
  const files = await platform.chooseFilesToStream({
    title: 'Import CSV files',
    filters: CSV_FILTER,
    multiple: true,
  });
  if (files.length > 0) enqueueDatasetImports(files);
  return files.length;
}

export function cancelDatasetImport(key: string): void {
  const job = jobs.find((j) => j.key === key);
  if (!job) return;
  if (job.state === 'queued') {
    internals.delete(key);
    update(key, { state: 'done', outcome: { status: 'cancelled' } });
  } else if (job.state === 'running') {
    update(key, { state: 'cancelling' });
    internals.get(key)?.cancel?.();
  }
}

export function dismissDatasetImport(key: string): void {
  if (jobs.some((job) => job.key === key && job.state === 'done')) {
    internals.delete(key);
    publish(jobs.filter((job) => job.key !== key));
  }
}

/** Whether a finished job's file is still at hand to import again. */
export function canRetryDatasetImport(key: string): boolean {
  return internals.has(key) && jobs.some((job) => job.key === key && job.state === 'done');
}

/** Imports a failed job's file again with other options, replacing the failed job in the list. */
export function retryDatasetImport(key: string, overrides: DatasetImportOverrides): void {
  const own = internals.get(key);
  const job = jobs.find((j) => j.key === key);
  if (!own || job?.state !== 'done') return;
  dismissDatasetImport(key);
  enqueueDatasetImports([own.file], {
    overrides,
    ...(job.replaces !== undefined ? { replaces: { id: job.replaces, name: own.name } } : {}),
  });
}

/** The file a dataset was imported from in this session, if the app has not restarted since. */
export function sourceFileOf(datasetId: string): File | undefined {
  return sourceFiles.get(datasetId);
}

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    for (;;) {
      const next = jobs.find((job) => job.state === 'queued');
      if (!next) break;
      const outcome = await run(next).catch((caught: unknown): DatasetImportOutcome => ({
        status: 'failed',
        code: 'unexpected',
        message: errorMessage(caught),
      }));
      const job = internals.get(next.key);
      if (outcome.status === 'ready' && job) sourceFiles.set(outcome.datasetId, job.file);
      // A failed job keeps its file, so it can be tried again with other options.
      if (outcome.status !== 'failed') internals.delete(next.key);
      else if (job) delete job.cancel;
      update(next.key, { state: 'done', outcome });
    }
  } finally {
    pumping = false;
  }
}

async function run(job: ImportJob): Promise<DatasetImportOutcome> {
  const own = internals.get(job.key);
  if (!own) return { status: 'cancelled' };
  update(job.key, { state: 'running' });
  const maxBytes = await repositories.settings.datasetImportLimitBytes();
  const worker = new Worker(new URL('../../workers/import-dataset.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import-dataset',
  });
  try {
    const remote = wrap<ImportDatasetWorker>(worker);
    own.cancel = () => {
      void remote.cancel();
    };
    // A cancel clicked between queueing and the worker starting must not be lost.
    if (jobs.find((j) => j.key === job.key)?.state === 'cancelling') return { status: 'cancelled' };
    // A worker that dies (out of memory, failed to load) never answers; its error event says so.
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new Error(`The import stopped unexpectedly${event.message ? `: ${event.message}` : '.'}`));
      });
    });
    // Handled here too, so an error after the race settled is not an unhandled rejection.
    crashed.catch(() => undefined);
    const running = remote.run(
      own.file,
      {
        datasetId: job.datasetId,
        name: own.name,
        maxBytes,
        ...(own.overrides ? { overrides: own.overrides } : {}),
        ...(job.replaces !== undefined ? { replaces: job.replaces } : {}),
      },
      proxy((progress: DatasetImportProgress) => {
        const current = jobs.find((j) => j.key === job.key);
        if (current?.state === 'running') update(job.key, { progress });
      }),
    );
    try {
      return await Promise.race([running, crashed]);
    } catch (caught) {
      // The worker could not clean up after itself: remove whatever it left pending.
      await repositories.datasets.remove(job.datasetId).catch(() => undefined);
      throw caught;
    }
  } finally {
    worker.terminate();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useDatasetImports(): readonly ImportJob[] {
  return useSyncExternalStore(subscribe, () => jobs);
}
