import 'fake-indexeddb/auto';
import type { CellValue, ColumnSchema, Table } from '@core/table';
import { CHUNK_ROWS, tableCell, tableFromValues } from '@core/table';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import type { CompletedImport, DatasetsRepository } from './datasets-repository';
import { createDatasetsRepository } from './datasets-repository';
import { UserInputError } from './errors';
import { createSettingsRepository, DEFAULT_DATASET_IMPORT_LIMIT_BYTES } from './settings-repository';

/** The rest of a saved view record (the viewer's saved-views repository writes these). */
const VIEW_FIELDS = {
  spec: {},
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
};

let db: KpoDatabase;
let datasets: DatasetsRepository;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = new KpoDatabase(`datasets-repository-test-${counter}`);
  datasets = createDatasetsRepository(db);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

function column(table: Table, c: number): CellValue[] {
  return Array.from({ length: table.rowCount }, (_, row) => tableCell(table, c, row));
}

/** Stores `table` as an import would: pending record, chunk by chunk, then one completing transaction. */
async function store(id: string, table: Table, extra: Partial<CompletedImport> = {}): Promise<void> {
  await datasets.beginImport({ id, name: ` ${id} `, sourceFileName: `${id}.csv`, sizeBytes: 10 });
  for (const chunk of table.chunks) await datasets.putChunk(id, chunk);
  await datasets.completeImport(id, {
    sha256: 'ab'.repeat(32),
    columns: table.columns.map((c) => ({ name: c.name, type: c.type, inferredType: c.type })),
    rowCount: table.rowCount,
    chunkCount: table.chunks.length,
    report: (await datasets.get(id))?.report ?? expect.unreachable('no pending record'),
    ...extra,
  });
}

const schema: ColumnSchema[] = [
  { name: 'city', type: 'category' },
  { name: 'amount', type: 'decimal' },
  { name: 'code', type: 'text' },
];

function sampleTable(rows: number): Table {
  const cities = ['Lisbon', 'Porto', null];
  return tableFromValues(schema, [
    Array.from({ length: rows }, (_, i) => cities[i % 3] ?? null),
    Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : i / 4)),
    Array.from({ length: rows }, (_, i) => (i === 5 || i === CHUNK_ROWS + 3 ? `x${i}` : String(i))),
  ]);
}

describe('datasets repository', () => {
  it('lists a dataset only once its import completed, and loads back the same table', async () => {
    const table = sampleTable(CHUNK_ROWS + 10);
    expect(table.chunks).toHaveLength(2);
    await datasets.beginImport({ id: 'd1', name: 'Sales', sourceFileName: 'sales.csv', sizeBytes: 10 });
    await datasets.putChunk('d1', table.chunks[0] ?? expect.unreachable());
    expect(await datasets.list()).toEqual([]);
    expect((await datasets.get('d1'))?.status).toBe('pending');
    await expect(datasets.loadTable('d1')).rejects.toThrow('no longer exists');

    await datasets.putChunk('d1', table.chunks[1] ?? expect.unreachable());
    await datasets.completeImport('d1', {
      sha256: 'cd'.repeat(32),
      columns: schema.map((c) => ({ name: c.name, type: c.type, inferredType: c.type })),
      rowCount: table.rowCount,
      chunkCount: 2,
      report: (await datasets.get('d1'))?.report ?? expect.unreachable(),
    });
    const [listed] = await datasets.list();
    expect(listed).toMatchObject({ id: 'd1', name: 'Sales', status: 'ready', rowCount: CHUNK_ROWS + 10 });

    const loaded = await datasets.loadTable('d1');
    expect(loaded.columns).toEqual(schema);
    expect(loaded.rowCount).toBe(table.rowCount);
    expect(loaded.chunks.map((c) => c.index)).toEqual([0, 1]);
    expect(loaded.chunks[1]?.columns[1]).toEqual(table.chunks[1]?.columns[1]);
    expect(column(loaded, 0)).toEqual(column(table, 0));
    expect(column(loaded, 2)).toEqual(column(table, 2));

    // Reopening shows the first chunk before the rest is read.
    const head = await datasets.loadTableHead('d1');
    expect(head).toMatchObject({ name: 'Sales', rowCount: CHUNK_ROWS + 10 });
    expect(head.table.columns).toEqual(schema);
    expect(head.table.chunks).toHaveLength(1);
    expect(head.table.rowCount).toBe(CHUNK_ROWS);
    expect(head.table.chunks[0]?.columns[1]).toEqual(table.chunks[0]?.columns[1]);
  });

  it('lists newest first', async () => {
    await store('old', sampleTable(3));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store('new', sampleTable(3));
    expect((await datasets.list()).map((d) => d.id)).toEqual(['new', 'old']);
    expect((await datasets.list()).map((d) => d.name)).toEqual(['new', 'old']);
  });

  it('refuses to complete an import with chunks missing, and the start-up sweep removes it', async () => {
    const table = sampleTable(CHUNK_ROWS + 1);
    await store('kept', sampleTable(2));
    await datasets.beginImport({ id: 'broken', name: 'Broken', sourceFileName: 'b.csv', sizeBytes: 1 });
    await datasets.putChunk('broken', table.chunks[0] ?? expect.unreachable());
    await expect(
      datasets.completeImport('broken', {
        sha256: '',
        columns: [],
        rowCount: table.rowCount,
        chunkCount: 2,
        report: (await datasets.get('broken'))?.report ?? expect.unreachable(),
      }),
    ).rejects.toThrow('Only 1 of 2 chunks were stored');
    expect((await datasets.get('broken'))?.status).toBe('pending');

    expect(await datasets.sweepPending()).toBe(1);
    expect(await datasets.get('broken')).toBeUndefined();
    expect(await db.datasetChunks.where('datasetId').equals('broken').count()).toBe(0);
    expect((await datasets.list()).map((d) => d.id)).toEqual(['kept']);
    expect(await db.datasetChunks.where('datasetId').equals('kept').count()).toBe(1);
    expect(await datasets.sweepPending()).toBe(0);
  });

  it('sweeps each pending dataset through whenIdle, and never removes one that became ready', async () => {
    await store('ready', sampleTable(2));
    await datasets.beginImport({ id: 'left', name: 'Left', sourceFileName: 'l.csv', sizeBytes: 1 });
    expect(await datasets.removeIfPending('ready')).toBe(false);

    const offered: string[] = [];
    const swept = await datasets.sweepPending(async (id, remove) => {
      offered.push(id);
      return remove();
    });
    expect(swept).toBe(1);
    expect(offered).toEqual(['left']);
    expect(await datasets.get('left')).toBeUndefined();
    expect(await datasets.removeIfPending('left')).toBe(false);
    expect((await datasets.list()).map((d) => d.id)).toEqual(['ready']);
  });

  it('completing an import that was removed meanwhile (cancelled) fails and stores nothing', async () => {
    await datasets.beginImport({ id: 'c', name: 'C', sourceFileName: 'c.csv', sizeBytes: 1 });
    await datasets.remove('c');
    await expect(
      datasets.completeImport('c', {
        sha256: '',
        columns: [],
        rowCount: 0,
        chunkCount: 0,
        report: {} as never,
      }),
    ).rejects.toThrow('cancelled');
    expect(await db.datasets.count()).toBe(0);
  });

  it('removes a dataset with its chunks and saved views, leaving other datasets alone', async () => {
    await store('a', sampleTable(CHUNK_ROWS + 1));
    await store('b', sampleTable(5));
    await db.savedViews.bulkAdd([
      { id: 'va', datasetId: 'a', name: 'By city', ...VIEW_FIELDS },
      { id: 'vb', datasetId: 'b', name: 'Top', ...VIEW_FIELDS },
    ]);
    await datasets.remove('a');
    expect(await datasets.get('a')).toBeUndefined();
    expect(await db.datasetChunks.where('datasetId').equals('a').count()).toBe(0);
    expect((await db.savedViews.toArray()).map((v) => v.id)).toEqual(['vb']);
    expect((await datasets.loadTable('b')).rowCount).toBe(5);
  });

  it('renames with the name trimmed, and refuses an empty name', async () => {
    await store('a', sampleTable(1));
    await datasets.rename('a', '  Regional sales  ');
    expect((await datasets.get('a'))?.name).toBe('Regional sales');
    await expect(datasets.rename('a', '   ')).rejects.toBeInstanceOf(UserInputError);
    await expect(datasets.rename('missing', 'X')).rejects.toThrow('no longer exists');
    expect((await datasets.get('a'))?.name).toBe('Regional sales');
  });

  it('a re-import replaces the old dataset in its last transaction and keeps its saved views', async () => {
    await store('v1', sampleTable(4));
    await db.savedViews.add({ id: 'view', datasetId: 'v1', name: 'Mine', ...VIEW_FIELDS });
    await store('v2', sampleTable(6), { replaces: 'v1' });
    expect((await datasets.list()).map((d) => d.id)).toEqual(['v2']);
    expect(await db.datasetChunks.where('datasetId').equals('v1').count()).toBe(0);
    expect((await db.savedViews.get('view'))?.datasetId).toBe('v2');
  });

  it('changes a column type across chunks, counting and listing values that became missing', async () => {
    const table = sampleTable(CHUNK_ROWS + 10);
    await store('t', table);
    const change = await datasets.changeColumnType('t', 'code', 'integer');
    // Rows 5 and CHUNK_ROWS + 3 held "x5" and "x65539"; every other code is a whole number.
    expect(change).toEqual({
      missingCount: 2,
      failures: [
        { row: 5, value: 'x5' },
        { row: CHUNK_ROWS + 3, value: `x${CHUNK_ROWS + 3}` },
      ],
    });
    const record = await datasets.get('t');
    expect(record?.columns[2]).toEqual({ name: 'code', type: 'integer', inferredType: 'text' });
    const loaded = await datasets.loadTable('t');
    expect(loaded.columns[2]).toEqual({ name: 'code', type: 'integer' });
    const codes = column(loaded, 2);
    expect(codes[4]).toBe(4);
    expect(codes[5]).toBeNull();
    expect(codes[CHUNK_ROWS + 3]).toBeNull();
    expect(codes[CHUNK_ROWS + 9]).toBe(CHUNK_ROWS + 9);
    expect(codes.filter((v) => v === null)).toHaveLength(2);

    // Back to text: the numbers survive, the lost values stay missing (they were reported).
    expect(await datasets.changeColumnType('t', 'code', 'text')).toEqual({ missingCount: 0, failures: [] });
    expect(column(await datasets.loadTable('t'), 2).slice(3, 7)).toEqual(['3', '4', null, '6']);
  });

  it('refuses a type change for an unknown column or type without touching the data', async () => {
    await store('t', sampleTable(3));
    await expect(datasets.changeColumnType('t', 'nope', 'integer')).rejects.toMatchObject({
      field: 'column',
    });
    await expect(datasets.changeColumnType('t', 'code', 'money' as never)).rejects.toMatchObject({
      field: 'type',
    });
    expect((await datasets.get('t'))?.columns.map((c) => c.type)).toEqual(['category', 'decimal', 'text']);
  });
});

describe('settings repository', () => {
  it('keeps the dataset import limit, defaulting to 2 GiB, and refuses nonsense', async () => {
    const settings = createSettingsRepository(db);
    expect(await settings.datasetImportLimitBytes()).toBe(DEFAULT_DATASET_IMPORT_LIMIT_BYTES);
    await settings.setDatasetImportLimitBytes(512 * 1024 ** 2);
    expect(await settings.datasetImportLimitBytes()).toBe(512 * 1024 ** 2);
    await expect(settings.setDatasetImportLimitBytes(10)).rejects.toBeInstanceOf(UserInputError);
    expect(await settings.datasetImportLimitBytes()).toBe(512 * 1024 ** 2);
  });
});
