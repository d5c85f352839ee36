import type { ColumnSchema, ColumnType, Table, TableChunk } from '@core/table';
import { CHUNK_ROWS, COLUMN_TYPES, convertColumn, createTable } from '@core/table';
import { z } from 'zod';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { DatasetColumnRecord, DatasetImportReport, DatasetRecord } from './records';

const datasetNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name for the dataset.')
  .max(200, 'Keep the name under 200 characters.');

function parseName(name: string): string {
  const parsed = datasetNameSchema.safeParse(name);
  if (!parsed.success) throw new UserInputError(parsed.error.issues[0]?.message ?? 'Invalid name.', 'name');
  return parsed.data;
}

/** What an import knows before the first byte is parsed. */
export interface PendingDatasetInput {
  id: string;
  name: string;
  sourceFileName: string;
  sizeBytes: number;
}

/** What an import knows once the whole file went through the importer. */
export interface CompletedImport {
  sha256: string;
  columns: DatasetColumnRecord[];
  rowCount: number;
  chunkCount: number;
  report: DatasetImportReport;
  /** A dataset this import replaces (a re-import with other options): removed, its saved views moved over. */
  replaces?: string;
}

/** What changing a column's type did to its values. */
export interface ColumnTypeChange {
  /** Present values that did not fit the new type and are now missing. */
  missingCount: number;
  /** The first of them (up to 100), with their 0-based table row, as they were before. */
  failures: { row: number; value: string }[];
}

const MAX_LISTED_FAILURES = 100;

export function createDatasetsRepository(db: KpoDatabase) {
  const chunksOf = (datasetId: string) =>
    db.datasetChunks.where('[datasetId+index]').between([datasetId, 0], [datasetId, Infinity]);

  /** Deletes a dataset with its chunks and saved views; call inside a transaction over all three. */
  const deleteAll = async (datasetId: string): Promise<void> => {
    await db.datasetChunks.where('datasetId').equals(datasetId).delete();
    await db.savedViews.where('datasetId').equals(datasetId).delete();
    await db.datasets.delete(datasetId);
  };

  /** Removes one dataset if it is still pending; one that became ready meanwhile is kept. */
  const removeIfPending = async (id: string): Promise<boolean> =>
    db.transaction('rw', db.datasets, db.datasetChunks, db.savedViews, async () => {
      if ((await db.datasets.get(id))?.status !== 'pending') return false;
      await deleteAll(id);
      return true;
    });

  const readyDataset = async (id: string): Promise<DatasetRecord> => {
    const record = await db.datasets.get(id);
    if (!record || record.status !== 'ready') throw new UserInputError('This dataset no longer exists.');
    return record;
  };

  return {
    /** Ready datasets, newest first (pending imports are not datasets yet). */
    list: async (): Promise<DatasetRecord[]> =>
      (await db.datasets.where('status').equals('ready').toArray()).sort((a, b) =>
        b.createdAt.localeCompare(a.createdAt),
      ),

    get: async (id: string): Promise<DatasetRecord | undefined> => db.datasets.get(id),

    rename: async (id: string, name: string): Promise<void> => {
      const cleaned = parseName(name);
      const updated = await db.datasets.update(id, { name: cleaned });
      if (updated === 0) throw new UserInputError('This dataset no longer exists.');
    },

    /** The dataset, its chunks and its saved views, all or nothing. */
    remove: async (id: string): Promise<void> => {
      await db.transaction('rw', db.datasets, db.datasetChunks, db.savedViews, async () => {
        await deleteAll(id);
      });
    },

    /** The whole dataset as a core Table (schema plus chunks in order), checked for consistency. */
    loadTable: async (id: string): Promise<Table> =>
      db.transaction('r', db.datasets, db.datasetChunks, async () => {
        const record = await readyDataset(id);
        const chunks = (await chunksOf(id).toArray()).map((c) => c.chunk);
        if (chunks.length !== record.chunkCount)
          throw new Error(`Dataset ${record.name} has ${chunks.length} of its ${record.chunkCount} chunks.`);
        const schema: ColumnSchema[] = record.columns.map((c) => ({ name: c.name, type: c.type }));
        return createTable(schema, chunks);
      }),

    /** The first chunk alone as a table, with the dataset's name and full row count. */
    loadTableHead: async (id: string): Promise<{ name: string; rowCount: number; table: Table }> =>
      db.transaction('r', db.datasets, db.datasetChunks, async () => {
        const record = await readyDataset(id);
        const first = await db.datasetChunks.get([id, 0]);
        const schema: ColumnSchema[] = record.columns.map((c) => ({ name: c.name, type: c.type }));
        const table = createTable(schema, first === undefined ? [] : [first.chunk]);
        if (record.chunkCount > 0 && first === undefined)
          throw new Error(`Dataset ${record.name} has lost its first chunk.`);
        return { name: record.name, rowCount: record.rowCount, table };
      }),

    removeIfPending,

    /**
     * Removes every dataset an import left pending (a crash, a closed window) and says how many.
     * `whenIdle` runs each removal once that import cannot still be live; the app waits for the
     * import's Web Lock, so a live import in another browser-mode tab is not swept from under it.
     */
    sweepPending: async (
      whenIdle: (datasetId: string, remove: () => Promise<boolean>) => Promise<boolean> = async (
        _id,
        remove,
      ) => remove(),
    ): Promise<number> => {
      const ids = await db.datasets.where('status').equals('pending').primaryKeys();
      const removed = await Promise.all(ids.map(async (id) => whenIdle(id, async () => removeIfPending(id))));
      return removed.filter(Boolean).length;
    },

    /**
     * Changes a column's type, rewriting every chunk in one transaction. Values that do not fit
     * become missing; how many, and the first of them, are returned — never silently dropped.
     */
    changeColumnType: async (id: string, column: string, type: ColumnType): Promise<ColumnTypeChange> => {
      if (!(COLUMN_TYPES as readonly string[]).includes(type))
        throw new UserInputError(`Unknown column type "${type}".`, 'type');
      return db.transaction('rw', db.datasets, db.datasetChunks, async () => {
        const record = await readyDataset(id);
        const c = record.columns.findIndex((col) => col.name === column);
        const current = record.columns[c];
        if (current === undefined)
          throw new UserInputError(`The dataset has no column "${column}".`, 'column');
        const result: ColumnTypeChange = { missingCount: 0, failures: [] };
        if (current.type === type) return result;
        for (let index = 0; index < record.chunkCount; index++) {
          const stored = await db.datasetChunks.get([id, index]);
          const encoded = stored?.chunk.columns[c];
          if (stored === undefined || encoded === undefined)
            throw new Error(`Dataset ${record.name} is missing chunk ${index}.`);
          const converted = convertColumn(
            encoded,
            current.type,
            type,
            index * CHUNK_ROWS,
            MAX_LISTED_FAILURES - result.failures.length,
          );
          result.missingCount += converted.rejectedCount;
          result.failures.push(...converted.rejected);
          const columns = stored.chunk.columns.slice();
          columns[c] = converted.column;
          await db.datasetChunks.put({ ...stored, chunk: { ...stored.chunk, columns } });
        }
        const columns = record.columns.map((col, i) => (i === c ? { ...col, type } : col));
        await db.datasets.update(id, { columns });
        return result;
      });
    },

    // ---- Writing an import (used by the import worker) ----

    /** Registers an import before any chunk is written, so a crash leaves something the sweep finds. */
    beginImport: async (input: PendingDatasetInput): Promise<void> => {
      const record: DatasetRecord = {
        ...input,
        name: parseName(input.name),
        sha256: '',
        columns: [],
        rowCount: 0,
        chunkCount: 0,
        status: 'pending',
        createdAt: new Date().toISOString(),
        report: emptyReport(),
      };
      await db.datasets.add(record);
    },

    putChunk: async (datasetId: string, chunk: TableChunk): Promise<void> => {
      await db.datasetChunks.put({ datasetId, index: chunk.index, chunk });
    },

    /** Drops the chunks written so far (the importer asked to restart with fixed types). */
    discardChunks: async (datasetId: string): Promise<void> => {
      await db.datasetChunks.where('datasetId').equals(datasetId).delete();
    },

    /** The import's last transaction: the dataset becomes ready, and a replaced one goes. */
    completeImport: async (id: string, done: CompletedImport): Promise<void> => {
      await db.transaction('rw', db.datasets, db.datasetChunks, db.savedViews, async () => {
        const record = await db.datasets.get(id);
        if (!record || record.status !== 'pending') throw new Error('The import was cancelled.');
        const stored = await db.datasetChunks.where('datasetId').equals(id).count();
        if (stored !== done.chunkCount)
          throw new Error(
            `Only ${stored} of ${done.chunkCount} chunks were stored; the import was not saved.`,
          );
        const { replaces, ...fields } = done;
        await db.datasets.update(id, { ...fields, status: 'ready' });
        if (replaces !== undefined && replaces !== id) {
          await db.savedViews.where('datasetId').equals(replaces).modify({ datasetId: id });
          await deleteAll(replaces);
        }
      });
    },
  };
}

function emptyReport(): DatasetImportReport {
  return {
    encoding: { encoding: 'utf-8', reason: 'ascii-only', bomStripped: false },
    delimiter: { value: ',', detected: true },
    newline: '\n',
    hasHeader: true,
    rowCount: 0,
    bytesRead: 0,
    columns: [],
    headerNotices: [],
    ragged: { count: 0, padded: 0, truncated: 0, listed: [] },
    blankLinesSkipped: 0,
    malformedQuotes: 0,
  };
}

export type DatasetsRepository = ReturnType<typeof createDatasetsRepository>;
