import type { ColumnSchema, ColumnType, Table, TableChunk } from '@core/table';
import { CHUNK_ROWS, COLUMN_TYPES, convertColumn, createTable } from '@core/table';
import { z } from 'zod';
import { citationsOf, citationTables } from './citations';
import type { KpoDatabase } from './database';
import type { DatasetUse } from './dataset-locks';
import { datasetUses, refuseIfDatasetLocked, tasksUsingDataset } from './dataset-locks';
import { UserInputError } from './errors';
import type { DatasetColumnRecord, DatasetImportReport, DatasetRecord, TaskRecord } from './records';

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
  /** A dataset the import will replace: refused at once if that dataset may not change now. */
  replaces?: string;
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

/** How refusals and the Datasets screen name a dataset. */
function subjectOf(record: Pick<DatasetRecord, 'name'>): string {
  return `Dataset "${record.name}"`;
}

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

  /**
   * Refuses to delete a dataset while a finding, an answer or a QC item cites one of its saved views
   * or a chart is drawn from one, naming them; call inside a transaction with the citation tables.
   */
  const refuseIfViewsCited = async (record: DatasetRecord, tasks: readonly TaskRecord[]): Promise<void> => {
    const places: string[] = [];
    for (const view of await db.savedViews.where('datasetId').equals(record.id).toArray()) {
      const charted = await db.charts.where('viewId').equals(view.id).toArray();
      const taskIds = [...new Set([...tasks.map((t) => t.id), ...charted.map((chart) => chart.taskId)])];
      const cited = await citationsOf(db, 'view', view.id, taskIds);
      if (cited.length > 0) places.push(`its view "${view.name}" is cited by ${cited.join(', ')}`);
    }
    if (places.length > 0)
      throw new UserInputError(
        `${subjectOf(record)} cannot be deleted: ${places.join('; ')}. Remove those citations before deleting it.`,
      );
  };

  return {
    /** Ready datasets, newest first (pending imports are not datasets yet). */
    list: async (): Promise<DatasetRecord[]> =>
      (await db.datasets.where('status').equals('ready').toArray()).sort((a, b) =>
        b.createdAt.localeCompare(a.createdAt),
      ),

    get: async (id: string): Promise<DatasetRecord | undefined> => db.datasets.get(id),

    /**
     * The tasks using each ready dataset, by dataset id, with why a dataset cannot change now (the
     * repository refuses those changes; the screens use this to say so before anyone tries).
     */
    uses: async (): Promise<Record<string, DatasetUse[]>> =>
      db.transaction('r', db.datasets, db.tasks, async () => {
        const [records, tasks] = await Promise.all([
          db.datasets.where('status').equals('ready').toArray(),
          db.tasks.toArray(),
        ]);
        return Object.fromEntries(
          records.map((record) => [record.id, datasetUses(tasks, record.id, subjectOf(record))]),
        );
      }),

    /** The tasks using one dataset, as `uses` gives them. */
    usesOf: async (id: string): Promise<DatasetUse[]> =>
      db.transaction('r', db.datasets, db.tasks, async () => {
        const record = await db.datasets.get(id);
        if (!record) return [];
        return datasetUses(await tasksUsingDataset(db, id), id, subjectOf(record));
      }),

    /** Refused while a task whose work is locked uses the dataset. */
    rename: async (id: string, name: string): Promise<void> => {
      const cleaned = parseName(name);
      await db.transaction('rw', db.datasets, db.tasks, async () => {
        const record = await db.datasets.get(id);
        if (!record) throw new UserInputError('This dataset no longer exists.');
        await refuseIfDatasetLocked(db, id, subjectOf(record));
        await db.datasets.update(id, { name: cleaned });
      });
    },

    /**
     * The dataset, its chunks and its saved views, all or nothing. A ready dataset is refused while a
     * task whose work is locked uses it, or while any of its saved views is cited or charted; a pending
     * one (an import being cleaned up) is nobody's data yet and always goes.
     */
    remove: async (id: string): Promise<void> => {
      await db.transaction(
        'rw',
        [db.datasets, db.datasetChunks, db.savedViews, ...citationTables(db)],
        async () => {
          const record = await db.datasets.get(id);
          if (record?.status === 'ready') {
            const tasks = await refuseIfDatasetLocked(db, id, subjectOf(record));
            await refuseIfViewsCited(record, tasks);
          }
          await deleteAll(id);
        },
      );
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
      return db.transaction('rw', db.datasets, db.datasetChunks, db.tasks, async () => {
        const record = await readyDataset(id);
        await refuseIfDatasetLocked(db, id, subjectOf(record));
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
    beginImport: async ({ replaces, ...input }: PendingDatasetInput): Promise<void> => {
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
      await db.transaction('rw', db.datasets, db.tasks, async () => {
        const replaced = replaces === undefined ? undefined : await db.datasets.get(replaces);
        if (replaced) await refuseIfDatasetLocked(db, replaced.id, subjectOf(replaced));
        await db.datasets.add(record);
      });
    },

    putChunk: async (datasetId: string, chunk: TableChunk): Promise<void> => {
      await db.datasetChunks.put({ datasetId, index: chunk.index, chunk });
    },

    /** Drops the chunks written so far (the importer asked to restart with fixed types). */
    discardChunks: async (datasetId: string): Promise<void> => {
      await db.datasetChunks.where('datasetId').equals(datasetId).delete();
    },

    /**
     * The import's last transaction: the dataset becomes ready, and a replaced one goes. Replacing is
     * refused while a task whose work is locked uses the old dataset, and for a task's dataset unless
     * the file read is the task's own (same SHA-256). Everything pointing at the old id moves over:
     * saved views, every task's link to it, and what the analyst did with it (opened, profiled).
     */
    completeImport: async (id: string, done: CompletedImport): Promise<void> => {
      await db.transaction(
        'rw',
        [db.datasets, db.datasetChunks, db.savedViews, db.tasks, db.datasetActivity],
        async () => {
          const record = await db.datasets.get(id);
          if (!record || record.status !== 'pending') throw new Error('The import was cancelled.');
          const stored = await db.datasetChunks.where('datasetId').equals(id).count();
          if (stored !== done.chunkCount)
            throw new Error(
              `Only ${stored} of ${done.chunkCount} chunks were stored; the import was not saved.`,
            );
          const { replaces, ...fields } = done;
          const replacing = replaces !== undefined && replaces !== id ? replaces : undefined;
          const tasks =
            replacing === undefined
              ? []
              : await refuseIfDatasetLocked(
                  db,
                  replacing,
                  subjectOf((await db.datasets.get(replacing)) ?? record),
                );
          for (const task of tasks)
            for (const d of task.datasets)
              if (d.datasetId === replacing && d.sha256.toLowerCase() !== done.sha256.toLowerCase())
                throw new UserInputError(
                  `${subjectOf(record)} belongs to task "${task.title.trim() || 'Untitled task'}", which keeps its own copy of ${d.path}; re-import that file, not another one.`,
                );
          await db.datasets.update(id, { ...fields, status: 'ready' });
          if (replacing === undefined) return;
          await db.savedViews.where('datasetId').equals(replacing).modify({ datasetId: id });
          for (const task of tasks)
            await db.tasks.update(task.id, {
              datasets: task.datasets.map((d) => (d.datasetId === replacing ? { ...d, datasetId: id } : d)),
            });
          const activity = await db.datasetActivity.get(replacing);
          if (activity) {
            const existing = await db.datasetActivity.get(id);
            await db.datasetActivity.put({ ...existing, ...activity, datasetId: id });
            await db.datasetActivity.delete(replacing);
          }
          await deleteAll(replacing);
        },
      );
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
