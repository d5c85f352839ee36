import type { ColumnSchema } from '@core/table';
import { tableFromValues } from '@core/table';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analystTask } from './analyst-task.test-support';
import type { KpoDatabase } from './database';
import { createDatasetActivityRepository } from './dataset-activity-repository';
import type { DatasetsRepository } from './datasets-repository';
import { createDatasetsRepository } from './datasets-repository';
import { UserInputError } from './errors';
import { createQcRepository } from './qc-repository';
import type { TaskRecord } from './records';
import type { SavedViewsRepository } from './saved-views-repository';
import { createSavedViewsRepository } from './saved-views-repository';
import { closeTestDatabase, openTestDatabase } from './test-db.test-support';

const SHA = 'ab'.repeat(32);
const NOW = '2026-11-25T00:00:00.000Z';
const schema: ColumnSchema[] = [
  { name: 'region', type: 'category' },
  { name: 'sales', type: 'text' },
];
const table = tableFromValues(schema, [
  ['North', 'South', 'North'],
  ['10', '20', 'n/a'],
]);
const SPEC = { filters: { kind: 'group', combinator: 'and', children: [] } };

let db: KpoDatabase;
let datasets: DatasetsRepository;
let views: SavedViewsRepository;

/** Stores the sample table as an import does, optionally as a re-import replacing another dataset. */
async function store(id: string, options: { replaces?: string; sha256?: string } = {}): Promise<void> {
  await datasets.beginImport({ id, name: 'sales', sourceFileName: 'sales.csv', sizeBytes: 30 });
  for (const chunk of table.chunks) await datasets.putChunk(id, chunk);
  await datasets.completeImport(id, {
    sha256: options.sha256 ?? SHA,
    columns: schema.map((c) => ({ name: c.name, type: c.type, inferredType: c.type })),
    rowCount: table.rowCount,
    chunkCount: table.chunks.length,
    report: (await datasets.get(id))?.report ?? expect.unreachable('no pending record'),
    ...(options.replaces !== undefined ? { replaces: options.replaces } : {}),
  });
}

function taskUsing(datasetId: string, fields: Partial<TaskRecord> = {}): TaskRecord {
  return {
    ...analystTask(),
    title: 'Regional sales',
    datasets: [{ path: 'datasets/sales.csv', name: 'sales', sha256: SHA, bytes: 30, datasetId }],
    ...fields,
  };
}

async function setState(state: TaskRecord['state'], taskId = 'task-1'): Promise<void> {
  await db.tasks.update(taskId, { state });
}

/** Everything the refused operations could touch, to compare before and after. */
async function contents() {
  return {
    datasets: await db.datasets.orderBy('id').toArray(),
    chunks: await db.datasetChunks.toArray(),
    views: await db.savedViews.orderBy('id').toArray(),
    tasks: await db.tasks.toArray(),
    activity: await db.datasetActivity.toArray(),
  };
}

let viewId: string;

beforeEach(async () => {
  db = await openTestDatabase('dataset-locks-test');
  datasets = createDatasetsRepository(db);
  views = createSavedViewsRepository(db);
  await store('d1');
  await db.tasks.add(taskUsing('d1'));
  viewId = (await views.save({ datasetId: 'd1', name: 'North only', spec: SPEC })).id;
});
afterEach(async () => {
  await closeTestDatabase(db);
});

/** Each change the Datasets screen and the viewer offer, on dataset d1 and its view. */
const changes: [string, () => Promise<unknown>][] = [
  ['delete the dataset', async () => datasets.remove('d1')],
  ['change a column type', async () => datasets.changeColumnType('d1', 'sales', 'integer')],
  ['rename the dataset', async () => datasets.rename('d1', 'Sales 2025')],
  [
    'start a re-import',
    async () =>
      datasets.beginImport({
        id: 'd2',
        name: 'sales',
        sourceFileName: 'sales.csv',
        sizeBytes: 30,
        replaces: 'd1',
      }),
  ],
  ['complete a re-import', async () => store('d2', { replaces: 'd1' })],
  ['save a new view', async () => views.save({ datasetId: 'd1', name: 'South', spec: SPEC })],
  [
    'update a view',
    async () => views.update(viewId, { ...SPEC, sort: [{ column: 'sales', direction: 'asc' }] }),
  ],
  ['rename a view', async () => views.rename(viewId, 'Northern')],
  ['delete a view', async () => views.remove(viewId)],
];

describe('a task dataset while its work is locked', () => {
  it.each(changes)('refuses to %s once submitted, naming the task, and stores nothing', async (_, change) => {
    await setState('submitted');
    const before = await contents();
    const refusal = change();
    await expect(refusal).rejects.toThrow(UserInputError);
    await expect(refusal).rejects.toThrow(
      /belongs to task "Regional sales", which is submitted; it can be changed again when a review sends the work back\./,
    );
    // A refused re-import leaves its new dataset pending (the importer deletes it); nothing else moved.
    await db.datasets.where('status').equals('pending').delete();
    await db.datasetChunks.where('datasetId').equals('d2').delete();
    expect(await contents()).toEqual(before);
  });

  it('names the dataset or the view in the refusal', async () => {
    await setState('submitted');
    await expect(datasets.remove('d1')).rejects.toThrow(/^Dataset "sales" belongs to task "Regional sales"/);
    await expect(views.rename(viewId, 'Northern')).rejects.toThrow(
      /^View "North only" of dataset "sales" belongs to task "Regional sales"/,
    );
  });

  it('says approved work is final, and a sent coordinator task keeps its data as sent', async () => {
    await setState('approved');
    await expect(datasets.remove('d1')).rejects.toThrow(
      'which is approved; the work was signed off and can no longer change.',
    );
    await db.tasks.update('task-1', { origin: 'authored', state: 'assigned' });
    await expect(datasets.changeColumnType('d1', 'sales', 'integer')).rejects.toThrow(
      'which is assigned; its task package was signed and sent, so its data stays as it was sent.',
    );
  });

  it('is locked by any task using it: a draft duplicated from submitted work shares its dataset', async () => {
    await setState('submitted');
    await db.tasks.add(taskUsing('d1', { id: 'draft-1', origin: 'authored', state: 'draft', title: 'Copy' }));
    await expect(datasets.remove('d1')).rejects.toThrow('task "Regional sales", which is submitted');
    expect(await datasets.get('d1')).toBeDefined();
  });

  it('lists which tasks use each dataset and which of them lock it', async () => {
    await store('other');
    await setState('submitted');
    const uses = await datasets.uses();
    expect(uses['other']).toEqual([]);
    expect(uses['d1']).toEqual([
      {
        taskId: 'task-1',
        title: 'Regional sales',
        state: 'submitted',
        path: 'datasets/sales.csv',
        locked:
          'Dataset "sales" belongs to task "Regional sales", which is submitted; it can be changed again when a review sends the work back.',
      },
    ]);
    await setState('changes_requested');
    expect(await datasets.usesOf('d1')).toEqual([
      { taskId: 'task-1', title: 'Regional sales', state: 'changes_requested', path: 'datasets/sales.csv' },
    ]);
  });
});

describe('a task dataset while its work is editable', () => {
  it.each(['in_progress', 'changes_requested', 'assigned'] as const)(
    'lets the analyst change it and its views while the task is %s',
    async (state) => {
      await setState(state);
      await views.save({ datasetId: 'd1', name: 'South', spec: SPEC });
      await views.update(viewId, { ...SPEC, sort: [{ column: 'sales', direction: 'asc' }] });
      await views.rename(viewId, 'Northern');
      await views.remove(viewId);
      expect((await datasets.changeColumnType('d1', 'sales', 'integer')).missingCount).toBe(1);
      await datasets.rename('d1', 'Sales 2025');
      await datasets.remove('d1');
      expect(await datasets.get('d1')).toBeUndefined();
      expect(await db.savedViews.count()).toBe(0);
    },
  );

  it("lets a coordinator change a draft's dataset before it is sent", async () => {
    await db.tasks.update('task-1', { origin: 'authored', state: 'draft' });
    expect((await datasets.changeColumnType('d1', 'sales', 'integer')).missingCount).toBe(1);
    await store('d2', { replaces: 'd1' });
    expect((await db.tasks.get('task-1'))?.datasets[0]?.datasetId).toBe('d2');
  });

  it('refuses to delete it while a view of it is cited, naming what cites it', async () => {
    await db.answers.add({
      taskId: 'task-1',
      questionNumber: 1,
      text: 'The north leads.',
      evidence: [{ kind: 'view', id: viewId }],
      updatedAt: NOW,
    });
    const before = await contents();
    await expect(datasets.remove('d1')).rejects.toThrow(
      'Dataset "sales" cannot be deleted: its view "North only" is cited by the answer to question 1 in task "Regional sales". Remove those citations before deleting it.',
    );
    expect(await contents()).toEqual(before);
    await db.answers.clear();
    await datasets.remove('d1');
    expect(await datasets.get('d1')).toBeUndefined();
  });

  it('re-imports it keeping every task link, its views, and "every dataset profiled"', async () => {
    await db.tasks.update('task-1', {
      checklist: [
        {
          id: 'profiled',
          text: 'Every dataset profiled',
          severity: 'major',
          evidenceRequired: false,
          automaticCheck: 'every-dataset-profiled',
        },
        { id: 'traced', text: 'Numbers traceable', severity: 'major', evidenceRequired: true },
      ],
    });
    await db.qcResults.put({
      taskId: 'task-1',
      itemId: 'traced',
      result: 'pass',
      comment: '',
      evidence: [`view:${viewId}`],
      justification: '',
    });
    // A draft duplicated from this task shares its columnar copy; it must follow the re-import too.
    await db.tasks.add(taskUsing('d1', { id: 'draft-1', origin: 'authored', state: 'draft', title: 'Copy' }));
    const activity = createDatasetActivityRepository(db);
    await activity.markOpened('d1');
    await activity.markProfiled('d1');
    const qc = createQcRepository(db);
    const before = await qc.overview('task-1');
    expect(before.automatic['every-dataset-profiled']?.state).toBe('pass');

    await store('d2', { replaces: 'd1' });

    expect(await datasets.get('d1')).toBeUndefined();
    expect((await db.tasks.get('task-1'))?.datasets[0]?.datasetId).toBe('d2');
    expect((await db.tasks.get('draft-1'))?.datasets[0]?.datasetId).toBe('d2');
    expect((await views.get(viewId))?.datasetId).toBe('d2');
    expect(await activity.get('d1')).toBeUndefined();
    expect((await activity.get('d2'))?.profiledAt).toBeDefined();
    const after = await qc.overview('task-1');
    expect(after.automatic['every-dataset-profiled']).toEqual({ state: 'pass', reasons: [] });
    expect(after.verdict).toEqual(before.verdict);
    expect((await qc.evidenceOptions('task-1')).map((o) => o.value)).toContain(`view:${viewId}`);
  });

  it("refuses a re-import of a task's dataset from another file, and stores nothing", async () => {
    const before = await contents();
    await expect(store('d2', { replaces: 'd1', sha256: 'cd'.repeat(32) })).rejects.toThrow(
      'Dataset "sales" belongs to task "Regional sales", which keeps its own copy of datasets/sales.csv; re-import that file, not another one.',
    );
    await datasets.remove('d2');
    expect(await contents()).toEqual(before);
  });

  it('still removes a pending import that a locked task points at (the importer cleaning up)', async () => {
    await datasets.beginImport({ id: 'd3', name: 'sales', sourceFileName: 'sales.csv', sizeBytes: 30 });
    await db.tasks.update('task-1', {
      state: 'submitted',
      datasets: [{ path: 'datasets/sales.csv', name: 'sales', sha256: SHA, bytes: 30, datasetId: 'd3' }],
    });
    await datasets.remove('d3');
    expect(await datasets.get('d3')).toBeUndefined();
  });
});
