import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import type { ReceivedPackageRecord } from './records';
import { createReceivedPackagesRepository } from './received-packages-repository';
import { createTasksRepository } from './tasks-repository';

let db: KpoDatabase;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = new KpoDatabase(`received-packages-test-${counter}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const record = (packageId: string, importedAt: string): ReceivedPackageRecord => ({
  packageId,
  kind: 'task',
  taskId: 'task-1',
  fileName: `${packageId}.kpo`,
  sizeBytes: 4,
  verification: 'trusted',
  signerKeyId: 'ABCDEF0123456789',
  baggingDate: '2026-11-25',
  importedAt,
  bytes: new Uint8Array([1, 2, 3, 4]),
});

describe('received packages repository', () => {
  it('lists newest first without loading package bytes', async () => {
    const packages = createReceivedPackagesRepository(db);
    await packages.add(record('a', '2026-11-24T10:00:00.000Z'));
    await packages.add(record('b', '2026-11-25T10:00:00.000Z'));
    const listed = await packages.list();
    expect(listed.map((p) => p.packageId)).toEqual(['b', 'a']);
    expect(listed.every((p) => !('bytes' in p))).toBe(true);
    expect((await packages.get('a'))?.bytes).toEqual(new Uint8Array([1, 2, 3, 4]));
  });

  it('refuses the same package twice and keeps the first', async () => {
    const packages = createReceivedPackagesRepository(db);
    await packages.add(record('a', '2026-11-24T10:00:00.000Z'));
    await expect(
      packages.add({ ...record('a', '2026-11-25T10:00:00.000Z'), fileName: 'copy.kpo' }),
    ).rejects.toThrow(/already imported .* \(from a\.kpo\)/);
    expect(await db.receivedPackages.count()).toBe(1);
  });

  it('records a package and its effects together, or neither when applying it fails', async () => {
    const packages = createReceivedPackagesRepository(db);
    const tasks = createTasksRepository(db);
    const applyThenFail = async () => {
      // Another repository's transaction joins the import's one.
      await tasks.createDraft({ title: 'From a package' });
      throw new Error('The window closed.');
    };
    await expect(packages.receive(record('a', '2026-11-24T10:00:00.000Z'), applyThenFail)).rejects.toThrow(
      'The window closed.',
    );
    expect(await db.receivedPackages.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
    expect(await db.taskEvents.count()).toBe(0);

    const draft = await packages.receive(record('a', '2026-11-24T10:00:00.000Z'), async () =>
      tasks.createDraft({ title: 'From a package' }),
    );
    expect(await db.tasks.get(draft.id)).toMatchObject({ title: 'From a package' });
    expect(await db.receivedPackages.get('a')).toMatchObject({ packageId: 'a' });
  });

  it('refuses a package already recorded before applying anything', async () => {
    const packages = createReceivedPackagesRepository(db);
    await packages.add(record('a', '2026-11-24T10:00:00.000Z'));
    let applied = false;
    await expect(
      packages.receive(record('a', '2026-11-25T10:00:00.000Z'), async () => {
        applied = true;
        await Promise.resolve();
      }),
    ).rejects.toThrow(/already imported/);
    expect(applied).toBe(false);
    expect(await db.receivedPackages.count()).toBe(1);
  });
});
