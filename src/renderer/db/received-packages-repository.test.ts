import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import type { ReceivedPackageRecord } from './records';
import { createReceivedPackagesRepository } from './received-packages-repository';

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
});
