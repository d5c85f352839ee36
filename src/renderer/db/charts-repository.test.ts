import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChartsRepository } from './charts-repository';
import { KpoDatabase } from './database';
import { analystTask } from './analyst-task.test-support';
import { readTaskAuditLog } from './task-events';

let db: KpoDatabase;
let counter = 0;
const spec = { viewId: 'view-1', type: 'bar', x: 'region', y: ['sales'], title: 'Sales by region' };

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`charts-repository-test-${counter}`);
  await db.tasks.add(analystTask());
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('charts repository', () => {
  it('stores a validated spec and logs create, update and delete on an intact chain', async () => {
    const charts = createChartsRepository(db);
    const chart = await charts.create('task-1', spec);
    expect(chart.spec).toMatchObject({ ...spec, caption: '' });
    await charts.update(chart.id, { ...spec, type: 'line', caption: 'Line now' });
    expect((await charts.get(chart.id))?.spec?.type).toBe('line');
    await charts.remove(chart.id);
    expect(await charts.list('task-1')).toEqual([]);

    const log = await readTaskAuditLog(db, 'task-1');
    expect(log.events.map((e) => e.type)).toEqual(['chart.created', 'chart.updated', 'chart.deleted']);
    expect(log.events[0]?.data).toEqual({ chartId: chart.id, title: 'Sales by region', type: 'bar' });
    expect(log.problems).toEqual([]);
  });

  it('refuses an invalid spec or an untitled chart, naming the field, and stores nothing', async () => {
    const charts = createChartsRepository(db);
    await expect(charts.create('task-1', { ...spec, y: [] })).rejects.toMatchObject({ field: 'y' });
    await expect(charts.create('task-1', { ...spec, title: '  ' })).rejects.toThrow(/title/);
    expect(await db.charts.count()).toBe(0);
    expect(await db.taskEvents.count()).toBe(0);
  });

  it('lists a stored spec that no longer parses with its problem instead of dropping it', async () => {
    await db.charts.add({
      id: 'c',
      taskId: 'task-1',
      viewId: 'v',
      spec: { type: 'radar' },
      createdAt: 'a',
      updatedAt: 'a',
    });
    const [chart] = await createChartsRepository(db).list('task-1');
    expect(chart?.spec).toBeUndefined();
    expect(chart?.problem).toMatch(/not valid/);
  });

  it('refuses changes once the task is submitted', async () => {
    const charts = createChartsRepository(db);
    const chart = await charts.create('task-1', spec);
    await db.tasks.update('task-1', { state: 'submitted' });
    await expect(charts.update(chart.id, spec)).rejects.toThrow(/submitted.*can no longer be edited/);
    await expect(charts.remove(chart.id)).rejects.toThrow(/can no longer be edited/);
    expect(await db.charts.count()).toBe(1);
  });
});
