import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackageKind } from '@core/package';
import { buildPackage, verifyPackage } from '@core/package';
import { makeKey, samplePackageInput } from '@core/package/fixtures.test-support';
import { repositories } from '../../db';
import { receiveSubmission } from '../review/received-handlers';
import { receiveTaskPackage } from '../tasks/receive-task-package';
import { importReceivedPackage } from './import-received-package';
import type { ReceivedPackage, ReceivedPackageHandler } from './received-package-handlers';
import { RECEIVED_PACKAGE_HANDLERS } from './received-package-handlers';

// The columnar copy of a task's CSVs is background work started after the import committed.
const importTaskDataset = vi.hoisted(() => vi.fn().mockResolvedValue('dataset-1'));
vi.mock('../tasks/task-datasets', () => ({ importTaskDataset }));

const keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };

let counter = 0;
let taskId = '';
beforeEach(() => {
  counter += 1;
  taskId = `task-import-${String(counter)}`;
  importTaskDataset.mockClear();
});

/** A signed package of `kind` for this test's task, verified as the import dialog does. */
async function received(kind: PackageKind): Promise<{ pkg: ReceivedPackage; bytes: Uint8Array }> {
  const input = await samplePackageInput(kind, keys, { editTask: (task) => ({ ...task, id: taskId }) });
  const packageId = globalThis.crypto.randomUUID();
  const bytes = await buildPackage({ ...input, taskId, packageId });
  const verification = verifyPackage(bytes, {
    trustedKeys: [keys.coordinator.trusted, keys.analyst.trusted, keys.reviewer.trusted],
  });
  if (!verification.files) throw new Error(JSON.stringify(verification.findings));
  const pkg = {
    files: verification.files,
    verification,
    record: {
      packageId,
      kind,
      taskId,
      fileName: `${kind}.kpo`,
      sizeBytes: bytes.byteLength,
      verification: 'trusted' as const,
      signerKeyId: verification.signer?.keyId ?? '',
      baggingDate: null,
      importedAt: '2025-03-05T00:00:00.000Z',
    },
  };
  return { pkg, bytes };
}

/** The kind's real handler, whose effects are all applied before it dies: a crash before commit. */
const failingAfterItsEffects =
  (handler: ReceivedPackageHandler): ReceivedPackageHandler =>
  async (pkg) => {
    const effects = await handler(pkg);
    return {
      ...effects,
      apply: async () => {
        await effects.apply();
        throw new Error('The window closed.');
      },
    };
  };

/** Everything an import could have left for the task. */
const traces = async () => ({
  received: (await repositories.receivedPackages.list()).filter((p) => p.taskId === taskId),
  task: await repositories.tasks.get(taskId),
  submissions: await repositories.submissions.listForTask(taskId),
  events: (await repositories.tasks.auditLog(taskId)).events,
  datasetFile: await repositories.tasks.file(taskId, 'datasets/sales.csv'),
});
const NOTHING = { received: [], task: undefined, submissions: [], events: [], datasetFile: undefined };

describe('importing a received package', () => {
  it('leaves neither the record nor any part of a submission whose handler failed, so it imports again', async () => {
    const { pkg, bytes } = await received('submission');
    await expect(
      importReceivedPackage(pkg, bytes, { submission: failingAfterItsEffects(receiveSubmission) }),
    ).rejects.toThrow('The window closed.');
    expect(await traces()).toEqual(NOTHING);

    const applied = await importReceivedPackage(pkg, bytes, RECEIVED_PACKAGE_HANDLERS);
    expect(applied).toEqual({
      taskId,
      screen: 'review',
      message: expect.stringContaining('version 1 is waiting for your review') as string,
    });
    const after = await traces();
    expect(after.received.map((p) => p.packageId)).toEqual([pkg.record.packageId]);
    expect((await repositories.receivedPackages.get(pkg.record.packageId))?.bytes).toEqual(bytes);
    expect(after.task).toMatchObject({ state: 'submitted', version: 1 });
    expect(after.submissions.map((s) => s.version)).toEqual([1]);
    expect(after.events.at(-1)).toMatchObject({ type: 'package.received', data: { kind: 'submission' } });
  });

  it('leaves no task, files, log or record when a task package fails, and starts no dataset import', async () => {
    const { pkg, bytes } = await received('task');
    await expect(
      importReceivedPackage(pkg, bytes, { task: failingAfterItsEffects(receiveTaskPackage) }),
    ).rejects.toThrow('The window closed.');
    expect(await traces()).toEqual(NOTHING);
    expect(importTaskDataset).not.toHaveBeenCalled();

    const applied = await importReceivedPackage(pkg, bytes, RECEIVED_PACKAGE_HANDLERS);
    expect(applied).toEqual({ taskId, message: expect.stringContaining('importing 1 dataset') as string });
    const after = await traces();
    expect(after.received.map((p) => p.packageId)).toEqual([pkg.record.packageId]);
    expect(after.task).toMatchObject({ state: 'assigned', origin: 'received' });
    expect(after.datasetFile?.bytes.byteLength).toBeGreaterThan(0);
    // The columnar import starts only once the task and its bytes are stored.
    expect(importTaskDataset).toHaveBeenCalledTimes(1);
    expect(importTaskDataset).toHaveBeenCalledWith(
      taskId,
      expect.objectContaining({ path: 'datasets/sales.csv' }),
      expect.any(Uint8Array),
    );
  });

  it('keeps an imported task when its dataset import cannot start, saying so', async () => {
    const { pkg, bytes } = await received('task');
    importTaskDataset.mockRejectedValueOnce(new Error('The import queue is closed.'));
    const applied = await importReceivedPackage(pkg, bytes, RECEIVED_PACKAGE_HANDLERS);
    expect(applied.message).toContain('Not imported: datasets/sales.csv: The import queue is closed.');
    const after = await traces();
    expect(after.received).toHaveLength(1);
    expect(after.task).toMatchObject({ state: 'assigned' });
    expect(after.datasetFile).toBeDefined();
  });

  it('refuses a package imported and applied before, changing nothing', async () => {
    const { pkg, bytes } = await received('submission');
    await importReceivedPackage(pkg, bytes, RECEIVED_PACKAGE_HANDLERS);
    const before = await traces();
    await expect(
      importReceivedPackage(
        { ...pkg, record: { ...pkg.record, fileName: 'copy.kpo' } },
        bytes,
        RECEIVED_PACKAGE_HANDLERS,
      ),
    ).rejects.toThrow(/already imported .* \(from submission\.kpo\)/);
    expect(await traces()).toEqual(before);
  });

  it('applies a package once when two imports of it race past the first check', async () => {
    const { pkg, bytes } = await received('task');
    const results = await Promise.allSettled([
      importReceivedPackage(pkg, bytes, RECEIVED_PACKAGE_HANDLERS),
      importReceivedPackage(pkg, bytes, RECEIVED_PACKAGE_HANDLERS),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')?.reason).toEqual(
      expect.objectContaining({ message: expect.stringMatching(/already imported/) as string }),
    );
    const after = await traces();
    expect(after.received).toHaveLength(1);
    expect(after.events.filter((e) => e.type === 'task.received')).toHaveLength(1);
    expect(importTaskDataset).toHaveBeenCalledTimes(1);
  });

  it('records nothing for a package its handler refuses', async () => {
    const { pkg, bytes } = await received('task');
    await importReceivedPackage(pkg, bytes, RECEIVED_PACKAGE_HANDLERS);
    const before = await traces();
    // The same task in another package: the task repository refuses a second copy.
    const again = { ...pkg, record: { ...pkg.record, packageId: globalThis.crypto.randomUUID() } };
    await expect(importReceivedPackage(again, bytes, RECEIVED_PACKAGE_HANDLERS)).rejects.toThrow(
      /is already on this computer/,
    );
    expect(await traces()).toEqual(before);
    expect(await repositories.receivedPackages.get(again.record.packageId)).toBeUndefined();
  });
});
