import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import { UserInputError } from './errors';
import { createSavedViewsRepository } from './saved-views-repository';

let db: KpoDatabase;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = new KpoDatabase(`saved-views-test-${counter}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const byRegion = {
  filters: {
    kind: 'group',
    combinator: 'and',
    children: [{ kind: 'condition', column: 'region', op: 'equals', value: 'North' }],
  },
  groupBy: { keys: [{ column: 'product' }], aggregates: [{ op: 'count' }] },
};

describe('saved views repository', () => {
  it('saves a view with its spec normalised by the schema, lists it per dataset and reopens it', async () => {
    const views = createSavedViewsRepository(db);
    const saved = await views.save({ datasetId: 'd1', name: '  North by product ', spec: byRegion });
    await views.save({ datasetId: 'd1', name: 'all', spec: {} });
    await views.save({ datasetId: 'd2', name: 'other dataset', spec: {} });

    expect(saved.name).toBe('North by product');
    // Defaults filled in by the schema are stored, so the saved JSON is complete.
    expect(saved.spec).toMatchObject({ version: 1, sort: [] });
    const listed = await views.list('d1');
    expect(listed.map((v) => v.name)).toEqual(['all', 'North by product']);
    const reopened = await views.get(saved.id);
    expect(reopened?.spec?.groupBy?.keys).toEqual([{ column: 'product' }]);
    expect(reopened?.spec?.filters.children).toEqual(byRegion.filters.children);
  });

  it('refuses an invalid spec and stores nothing', async () => {
    const views = createSavedViewsRepository(db);
    const invalid = {
      filters: {
        kind: 'group',
        combinator: 'and',
        children: [{ kind: 'condition', column: 'price', op: 'between', value: 3 }],
      },
    };
    await expect(views.save({ datasetId: 'd1', name: 'broken', spec: invalid })).rejects.toThrow(
      /needs "range"/,
    );
    await expect(
      views.save({ datasetId: 'd1', name: 'both', spec: { ...byRegion, pivot: {} } }),
    ).rejects.toBeInstanceOf(UserInputError);
    expect(await db.savedViews.count()).toBe(0);
  });

  it('renames, refusing empty and duplicate names (ignoring case) within a dataset', async () => {
    const views = createSavedViewsRepository(db);
    const a = await views.save({ datasetId: 'd1', name: 'Alpha', spec: {} });
    await views.save({ datasetId: 'd1', name: 'Beta', spec: {} });
    await views.save({ datasetId: 'd2', name: 'Gamma', spec: {} });
    await expect(views.save({ datasetId: 'd1', name: 'alpha', spec: {} })).rejects.toMatchObject({
      field: 'name',
    });
    await expect(views.rename(a.id, 'BETA')).rejects.toThrow(/already a view called "Beta"/);
    await expect(views.rename(a.id, '   ')).rejects.toMatchObject({ field: 'name' });
    await views.rename(a.id, 'Gamma');
    await views.rename(a.id, 'gamma'); // its own name in another case is fine
    expect((await views.list('d1')).map((v) => v.name)).toEqual(['Beta', 'gamma']);
    const renamed = await views.get(a.id);
    expect((renamed?.updatedAt ?? '') >= a.updatedAt).toBe(true);
    expect(renamed?.createdAt).toBe(a.createdAt);
  });

  it('updates the spec of a view and deletes views', async () => {
    const views = createSavedViewsRepository(db);
    const a = await views.save({ datasetId: 'd1', name: 'A', spec: {} });
    await views.update(a.id, { sort: [{ column: 'price', direction: 'desc' }] });
    expect((await views.get(a.id))?.spec?.sort).toEqual([{ column: 'price', direction: 'desc' }]);
    await expect(views.update(a.id, { sort: [{ column: 'price', direction: 'up' }] })).rejects.toBeInstanceOf(
      UserInputError,
    );
    await views.remove(a.id);
    expect(await views.get(a.id)).toBeUndefined();
    await expect(views.update(a.id, {})).rejects.toThrow(/no longer exists/);
  });

  it('lists a stored record whose spec no longer validates with the problem instead of the spec', async () => {
    const views = createSavedViewsRepository(db);
    await db.savedViews.add({
      id: 'old',
      datasetId: 'd1',
      name: 'From an old build',
      spec: { version: 7 },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const [listed] = await views.list('d1');
    expect(listed?.spec).toBeUndefined();
    expect(listed?.problem).toMatch(/not valid/);
  });
});
