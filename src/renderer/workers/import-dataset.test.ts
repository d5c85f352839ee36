import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { CHUNK_ROWS, tableCell } from '@core/table';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from '../db/database';
import type { DatasetsRepository } from '../db/datasets-repository';
import { createDatasetsRepository } from '../db/datasets-repository';
import type {
  DatasetImportProgress,
  DatasetImportRequest,
  ImportDependencies,
  ImportSource,
} from './import-dataset';
import { importDataset } from './import-dataset';
import { toOverrides } from '../features/datasets/ImportOptionsFields';
import { sha256OfStream } from './hash-file';

let db: KpoDatabase;
let datasets: DatasetsRepository;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = new KpoDatabase(`import-dataset-test-${counter}`);
  datasets = createDatasetsRepository(db);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const GiB = 1024 ** 3;

function file(content: string | Uint8Array, name = 'data.csv'): File {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

/** Like a browser File: Chromium's File.stream() yields 64 KiB pieces (Node's yields one). */
function slicedFile(content: string, name = 'data.csv'): ImportSource {
  const bytes = new TextEncoder().encode(content);
  const size = 64 * 1024;
  return {
    name,
    size: bytes.length,
    stream: () => {
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) controller.close();
          else controller.enqueue(bytes.slice(offset, (offset += size)));
        },
      });
    },
  };
}

function request(overrides: Partial<DatasetImportRequest> = {}): DatasetImportRequest {
  return { datasetId: 'd1', name: 'Data', maxBytes: 2 * GiB, ...overrides };
}

function deps(overrides: Partial<ImportDependencies> = {}): ImportDependencies & {
  progress: DatasetImportProgress[];
} {
  const progress: DatasetImportProgress[] = [];
  return {
    datasets,
    signal: new AbortController().signal,
    onProgress: (p) => {
      progress.push(p);
    },
    progressIntervalMs: 0,
    progress,
    ...overrides,
  };
}

async function nothingStored(): Promise<void> {
  expect(await db.datasets.count()).toBe(0);
  expect(await db.datasetChunks.count()).toBe(0);
}

describe('importing a dataset', () => {
  it('stores a BOM, semicolon, quoted-newline CSV as a ready dataset with its hash and report', async () => {
    const text = '\uFEFFcity;note;amount\nLisboa;"two\nlines";1,5\nPorto;plain;2\n"São Paulo";"a;b";3\n';
    const bytes = new TextEncoder().encode(text);
    const d = deps();
    const outcome = await importDataset(file(bytes, 'cities.csv'), request({ name: 'Cities' }), d);
    expect(outcome).toMatchObject({ status: 'ready', datasetId: 'd1', rowCount: 3, columnCount: 3 });

    const record = await datasets.get('d1');
    expect(record).toMatchObject({
      name: 'Cities',
      sourceFileName: 'cities.csv',
      sizeBytes: bytes.length,
      status: 'ready',
      rowCount: 3,
      chunkCount: 1,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(record?.columns.map((c) => c.name)).toEqual(['city', 'note', 'amount']);
    expect(record?.report.encoding).toMatchObject({ encoding: 'utf-8', reason: 'bom', bomStripped: true });
    expect(record?.report.delimiter).toEqual({ value: ';', detected: true });
    expect(record?.report.hasHeader).toBe(true);

    const table = await datasets.loadTable('d1');
    expect(tableCell(table, 1, 0)).toBe('two\nlines');
    expect(tableCell(table, 0, 2)).toBe('São Paulo');
    expect(tableCell(table, 1, 2)).toBe('a;b');
    expect(d.progress.at(-1)).toMatchObject({ phase: 'reading', bytesRead: bytes.length, rowsParsed: 3 });
  });

  it('applies overrides: no header row, a chosen delimiter and encoding', async () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('a|caf'),
      0xe9,
      ...new TextEncoder().encode('\nb|x\n'),
    ]);
    const outcome = await importDataset(
      file(bytes),
      request({ overrides: { hasHeader: false, delimiter: '|', encoding: 'windows-1252' } }),
      deps(),
    );
    expect(outcome).toMatchObject({ status: 'ready', rowCount: 2, columnCount: 2 });
    const record = await datasets.get('d1');
    expect(record?.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(record?.report).toMatchObject({
      hasHeader: false,
      delimiter: { value: '|', detected: false },
      encoding: { encoding: 'windows-1252', reason: 'override' },
    });
    expect(tableCell(await datasets.loadTable('d1'), 1, 0)).toBe('café');
  });

  it('reads the missing values the user typed as missing', async () => {
    const csv = 'amount\n1\nunknown\n3\nNA\n';
    const typed = toOverrides({
      encoding: undefined,
      delimiter: undefined,
      hasHeader: true,
      missingValues: ' unknown , ,NA',
    });
    expect(typed.missingTokens).toEqual(['', 'unknown', 'NA']);
    const outcome = await importDataset(
      file(new TextEncoder().encode(csv)),
      request({ overrides: typed }),
      deps(),
    );
    expect(outcome).toMatchObject({ status: 'ready', rowCount: 4, rejectedValues: 0 });
    const record = await datasets.get('d1');
    expect(record?.columns[0]?.type).toBe('integer');
    expect(record?.report.columns[0]).toMatchObject({ present: 2, missing: 2 });
    expect(record?.report.missingTokens).toEqual(['', 'unknown', 'NA']);

    // Without "unknown" in the list the column is text: the option really is what decides.
    const plain = await importDataset(
      file(new TextEncoder().encode(csv)),
      request({ datasetId: 'd2', overrides: { missingTokens: [''] } }),
      deps(),
    );
    expect(plain).toMatchObject({ status: 'ready' });
    expect((await datasets.get('d2'))?.columns[0]?.type).not.toBe('integer');
  });

  it('streams the file again with fixed types when a late value changes a column, keeping no stale chunk', async () => {
    const rows = CHUNK_ROWS + 10;
    const lines = Array.from(
      { length: rows },
      (_, i) => `${i === CHUNK_ROWS + 3 ? 'n/a?' : i},${i % 2 === 0}`,
    );
    const d = deps();
    const outcome = await importDataset(file(`n,b\n${lines.join('\n')}\n`), request(), d);
    expect(outcome).toMatchObject({ status: 'ready', rowCount: rows });
    expect(d.progress.some((p) => p.phase === 'retyping')).toBe(true);
    const record = await datasets.get('d1');
    expect(record?.columns).toEqual([
      // Inferred from the whole column: mostly numbers plus one "n/a?" string, too varied for a category.
      { name: 'n', type: 'text', inferredType: 'text' },
      { name: 'b', type: 'boolean', inferredType: 'boolean' },
    ]);
    expect(await db.datasetChunks.count()).toBe(2);
    const table = await datasets.loadTable('d1');
    expect(tableCell(table, 0, 7)).toBe('7');
    expect(tableCell(table, 0, CHUNK_ROWS + 3)).toBe('n/a?');
  });

  it('keeps ragged rows and renamed headers in the report with their file line numbers', async () => {
    const text = 'a,a,\n1,2,3\n4,5\n"multi\nline",6,7\n8,9,10,11\n';
    const outcome = await importDataset(file(text), request(), deps());
    expect(outcome).toMatchObject({ status: 'ready', rowCount: 4, raggedCount: 2, renamedHeaders: 2 });
    const report = (await datasets.get('d1'))?.report;
    expect(report?.ragged.listed.map((r) => [r.line, r.actual])).toEqual([
      [3, 2],
      [6, 4],
    ]);
    expect(report?.headerNotices.map((n) => n.renamed)).toEqual(['a_2', 'column_3']);
  });

  it.each([
    ['an empty file', '', 'empty-file', /empty/],
    [
      'a binary file',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]),
      'binary-file',
      /not a text file/,
    ],
    ['an unterminated quote', 'a,b\n1,2\n3,"open\n4,5\n', 'unterminated-quote', /opened on line 3/],
  ] as const)('refuses %s with a clear message and stores nothing', async (_what, content, code, message) => {
    const outcome = await importDataset(file(content), request(), deps());
    expect(outcome).toMatchObject({ status: 'failed', code });
    expect(outcome.status === 'failed' && outcome.message).toMatch(message);
    await nothingStored();
  });

  it('takes the hash from a parallel hasher when given one, and fails the import if it fails', async () => {
    const text = 'a,b\n1,x\n2,y\n';
    const hashed: string[] = [];
    const good = await importDataset(
      file(text),
      request(),
      deps({
        hashFile: async (source, signal) => {
          hashed.push(source.name);
          return sha256OfStream(source.stream(), signal);
        },
      }),
    );
    expect(good).toMatchObject({ status: 'ready' });
    expect(hashed).toEqual(['data.csv']);
    expect((await datasets.get('d1'))?.sha256).toBe(createHash('sha256').update(text).digest('hex'));

    const bad = await importDataset(
      file(text),
      request({ datasetId: 'd2' }),
      deps({ hashFile: async () => Promise.reject(new Error('the disk went away')) }),
    );
    expect(bad).toEqual({ status: 'failed', code: 'unexpected', message: 'the disk went away' });
    expect(await datasets.get('d2')).toBeUndefined();
  });

  it('stops a parallel hash that is still running when the import fails', async () => {
    let stopped = false;
    const outcome = await importDataset(
      file(''),
      request(),
      deps({
        hashFile: async (_source, signal) =>
          new Promise<string>((_, reject) => {
            signal.addEventListener('abort', () => {
              stopped = true;
              reject(new Error('stopped'));
            });
          }),
      }),
    );
    expect(outcome).toMatchObject({ status: 'failed', code: 'empty-file' });
    expect(stopped).toBe(true);
    await nothingStored();
  });

  it('refuses a file over the size limit before reading it', async () => {
    const outcome = await importDataset(file('a\n1\n'), request({ maxBytes: 3 }), deps());
    expect(outcome).toMatchObject({ status: 'failed', code: 'too-large' });
    expect(outcome.status === 'failed' && outcome.message).toMatch(/4 B, over the import limit of 3 B/);
    await nothingStored();
  });

  it('reads and parses on while a chunk is written, with one write in flight at most', async () => {
    let active = 0;
    let maxActive = 0;
    let rowsParsed = 0;
    let parsedDuringWrite = false;
    const slow: DatasetsRepository = {
      ...datasets,
      putChunk: async (id, chunk) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        const before = rowsParsed;
        await new Promise((resolve) => setTimeout(resolve, 30));
        parsedDuringWrite ||= rowsParsed > before;
        await datasets.putChunk(id, chunk);
        active -= 1;
      },
    };
    const big = 'n\n' + Array.from({ length: 3 * CHUNK_ROWS + 5 }, (_, i) => String(i)).join('\n') + '\n';
    const outcome = await importDataset(
      slicedFile(big),
      request(),
      deps({
        datasets: slow,
        progressIntervalMs: 0,
        onProgress: (p) => {
          rowsParsed = p.rowsParsed;
        },
      }),
    );
    expect(outcome).toMatchObject({ status: 'ready', rowCount: 3 * CHUNK_ROWS + 5 });
    expect(maxActive).toBe(1);
    expect(parsedDuringWrite).toBe(true);
    const table = await datasets.loadTable('d1');
    expect(tableCell(table, 0, 3 * CHUNK_ROWS + 4)).toBe(3 * CHUNK_ROWS + 4);
  });

  it('cancelling mid-import deletes every chunk already written', async () => {
    const big =
      'id,label\n' + Array.from({ length: 3 * CHUNK_ROWS }, (_, i) => `${i},label ${i % 50}`).join('\n');
    const controller = new AbortController();
    let chunksSeen = 0;
    // Cancelled once the first chunk is in the database (the import parses on during a write, so
    // a trigger that waits for a count query of its own may come only after the last chunk).
    const outcome = await importDataset(
      slicedFile(big),
      request(),
      deps({
        signal: controller.signal,
        datasets: {
          ...datasets,
          putChunk: async (id, chunk) => {
            await datasets.putChunk(id, chunk);
            chunksSeen = await db.datasetChunks.count();
            controller.abort();
          },
        },
      }),
    );
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(chunksSeen).toBeGreaterThan(0);
    await nothingStored();
  });

  it('a full disk mid-import removes the partial dataset and says how much space is needed', async () => {
    let puts = 0;
    const full: DatasetsRepository = {
      ...datasets,
      putChunk: async (id, chunk) => {
        puts += 1;
        if (puts === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await datasets.putChunk(id, chunk);
      },
    };
    const big = 'x\n' + Array.from({ length: 3 * CHUNK_ROWS }, (_, i) => String(i * 0.5)).join('\n');
    const outcome = await importDataset(
      slicedFile(big, 'big.csv'),
      request(),
      deps({
        datasets: full,
        estimateStorage: async () => Promise.resolve({ usage: 900 * 1024, quota: 1024 ** 2 }),
      }),
    );
    expect(outcome).toMatchObject({ status: 'failed', code: 'quota-exceeded' });
    const message = outcome.status === 'failed' ? outcome.message : '';
    // Three chunks of 64k doubles need about 1.5 MB; 124 KB is free.
    expect(message).toMatch(
      /Not enough storage space to import big\.csv\. It needs about 1\.\d MB; about 124 KB is available/,
    );
    expect(message).toContain('delete datasets you no longer need');
    await nothingStored();
  });
});
