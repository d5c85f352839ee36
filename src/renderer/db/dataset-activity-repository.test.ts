import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetActivityRepository } from './dataset-activity-repository';
import type { KpoDatabase } from './database';
import { closeTestDatabase, openTestDatabase } from './test-db.test-support';

let db: KpoDatabase;
beforeEach(async () => {
  db = await openTestDatabase('dataset-activity-test');
});
afterEach(async () => {
  await closeTestDatabase(db);
});

describe('dataset activity repository', () => {
  it('keeps the first open and the first profile, each without losing the other', async () => {
    const activity = createDatasetActivityRepository(db);
    expect(await activity.get('d1')).toBeUndefined();
    await activity.markOpened('d1');
    const first = (await activity.get('d1'))?.openedAt;
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await activity.markOpened('d1');
    await activity.markProfiled('d1');
    const record = await activity.get('d1');
    expect(record?.openedAt).toBe(first);
    expect(record?.profiledAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await activity.get('d2')).toBeUndefined();
  });
});
