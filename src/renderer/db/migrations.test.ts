import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import {
  version1Profile,
  version1Settings,
  version1TrustedKeys,
  VERSION_1_STORES,
} from './fixtures/version-1';
import {
  version3ReceivedPackage,
  version3Settings,
  version3TrustedKey,
  VERSION_3_STORES,
} from './fixtures/version-3';
import { version4Chunk, version4Dataset, version4SavedView, VERSION_4_STORES } from './fixtures/version-4';
import { version5ReceivedPackages, version5Submissions, VERSION_5_STORES } from './fixtures/version-5';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

let counter = 0;
const openDatabases: KpoDatabase[] = [];

function freshName(): string {
  counter += 1;
  return `migration-test-${counter}`;
}

function open(name: string, upToVersion = LATEST_SCHEMA_VERSION): KpoDatabase {
  const db = new KpoDatabase(
    name,
    migrations.filter((m) => m.version <= upToVersion),
  );
  openDatabases.push(db);
  return db;
}

afterEach(async () => {
  const databases = openDatabases.splice(0);
  // Close every connection first: deleting while another version is open blocks the delete.
  for (const db of databases) db.close();
  for (const db of databases) await db.delete();
});

describe('schema migrations', () => {
  it('numbers migrations 1, 2, ... without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('version 1 creates the identity stores on an empty database', async () => {
    const db = open(freshName(), 1);
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...VERSION_1_STORES].sort());
  });

  it('version 2 normalises trusted-key roles, fills missing dates and keeps everything else', async () => {
    const name = freshName();
    const v1 = open(name, 1);
    await v1.table('trustedKeys').bulkAdd(version1TrustedKeys);
    await v1.table('profile').add(version1Profile);
    await v1.table('settings').bulkAdd(version1Settings);
    v1.close();

    const v2 = open(name, 2);
    await v2.open();
    expect(v2.verno).toBe(2);

    const keys = await v2.trustedKeys.orderBy('keyId').toArray();
    expect(keys.map((k) => [k.keyId, k.name, k.role, k.addedAt])).toEqual([
      ['0000000000000001', 'Carla Coordinator', 'coordinator', '1970-01-01T00:00:00.000Z'],
      ['0000000000000002', 'Rui Reviewer', 'reviewer', '2026-01-02T03:04:05.000Z'],
      ['0000000000000003', 'Boss', 'other', '1970-01-01T00:00:00.000Z'],
      ['0000000000000004', 'No Role', 'other', '1970-01-01T00:00:00.000Z'],
    ]);
    expect(keys[0]?.publicKey).toEqual(new Uint8Array(32));
    expect(await v2.profile.get('me')).toEqual(version1Profile);
    expect(await v2.settings.toArray()).toEqual(version1Settings);

    // The new index answers the query task authoring needs: keys by role.
    expect((await v2.trustedKeys.where('role').equals('reviewer').toArray()).map((k) => k.name)).toEqual([
      'Rui Reviewer',
    ]);
  });

  it('version 3 adds received packages and keeps version 2 data', async () => {
    const name = freshName();
    const v2 = open(name, 2);
    await v2.trustedKeys.add({
      keyId: '0000000000000001',
      keyIdBytes: new Uint8Array(8),
      publicKey: new Uint8Array(32),
      name: 'Carla',
      role: 'coordinator',
      addedAt: '2026-01-01T00:00:00.000Z',
    });
    v2.close();

    const v3 = open(name, 3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect((await v3.trustedKeys.toArray()).map((k) => k.name)).toEqual(['Carla']);
    await v3.receivedPackages.add({
      packageId: '3f2b8c1e-9d4a-4e6b-8a1f-2c3d4e5f6a7b',
      kind: 'task',
      taskId: 't-1',
      fileName: 't.kpo',
      sizeBytes: 3,
      verification: 'trusted',
      signerKeyId: '0000000000000001',
      baggingDate: '2026-01-02',
      importedAt: '2026-01-02T00:00:00.000Z',
      bytes: new Uint8Array([1, 2, 3]),
    });
    expect(await v3.receivedPackages.where('kind').equals('task').count()).toBe(1);
  });

  it('version 4 adds dataset, chunk and saved-view stores and keeps version 3 data', async () => {
    const name = freshName();
    const v3 = open(name, 3);
    await v3.open();
    expect(v3.tables.map((t) => t.name).sort()).toEqual([...VERSION_3_STORES].sort());
    await v3.table('receivedPackages').add(version3ReceivedPackage);
    await v3.table('trustedKeys').add(version3TrustedKey);
    await v3.table('settings').bulkAdd(version3Settings);
    v3.close();

    const v4 = open(name, 4);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(v4.tables.map((t) => t.name).sort()).toEqual(
      [...VERSION_3_STORES, 'datasets', 'datasetChunks', 'savedViews'].sort(),
    );
    expect(await v4.receivedPackages.get(version3ReceivedPackage.packageId)).toEqual(version3ReceivedPackage);
    expect(await v4.trustedKeys.toArray()).toEqual([version3TrustedKey]);
    expect(await v4.settings.toArray()).toEqual(version3Settings);

    // The indexes the datasets feature relies on: status (sweep), [datasetId+index] (chunks in
    // order), datasetId (delete a dataset's chunks and views).
    const report = {} as never;
    await v4.datasets.bulkAdd([
      {
        id: 'a',
        name: 'A',
        sourceFileName: 'a.csv',
        sizeBytes: 1,
        sha256: '',
        columns: [],
        rowCount: 0,
        chunkCount: 0,
        status: 'ready',
        createdAt: '2026-01-01T00:00:00.000Z',
        report,
      },
      {
        id: 'b',
        name: 'B',
        sourceFileName: 'b.csv',
        sizeBytes: 1,
        sha256: '',
        columns: [],
        rowCount: 0,
        chunkCount: 0,
        status: 'pending',
        createdAt: '2026-01-02T00:00:00.000Z',
        report,
      },
    ]);
    expect((await v4.datasets.where('status').equals('pending').toArray()).map((d) => d.id)).toEqual(['b']);
    const chunk = (index: number) => ({
      datasetId: 'a',
      index,
      chunk: {
        index,
        rowCount: 1,
        columns: [{ kind: 'number' as const, values: new Float64Array([index]) }],
      },
    });
    await v4.datasetChunks.bulkAdd([chunk(1), chunk(0)]);
    const stored = await v4.datasetChunks
      .where('[datasetId+index]')
      .between(['a', 0], ['a', Infinity])
      .toArray();
    expect(stored.map((c) => c.index)).toEqual([0, 1]);
    expect(stored[1]?.chunk.columns[0]).toEqual({ kind: 'number', values: new Float64Array([1]) });
    await v4.savedViews.add({
      id: 'v',
      datasetId: 'a',
      name: 'View',
      spec: {},
      createdAt: '2026-11-25T00:00:00.000Z',
      updatedAt: '2026-11-25T00:00:00.000Z',
    });
    expect(await v4.savedViews.where('datasetId').equals('a').count()).toBe(1);
    expect(await v4.datasetChunks.where('datasetId').equals('a').count()).toBe(2);
  });

  it('version 5 adds the task stores and keeps version 4 data', async () => {
    const name = freshName();
    const v4 = open(name, 4);
    await v4.open();
    expect(v4.tables.map((t) => t.name).sort()).toEqual([...VERSION_4_STORES].sort());
    await v4.table('datasets').add(version4Dataset);
    await v4.table('datasetChunks').add(version4Chunk);
    await v4.table('savedViews').add(version4SavedView);
    v4.close();

    const v5 = open(name, 5);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(await v5.datasets.get('d-1')).toEqual(version4Dataset);
    expect(await v5.datasetChunks.get(['d-1', 0])).toEqual(version4Chunk);
    expect(await v5.savedViews.get('v-1')).toEqual(version4SavedView);

    // The indexes the workflow relies on: events in chain order per task, work per task, versions.
    const event = (taskId: string, seq: number) => ({
      taskId,
      seq,
      at: '2026-11-25T00:00:00.000Z',
      actor: 'A',
      type: 'x',
      data: {},
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    });
    await v5.taskEvents.bulkAdd([event('t', 2), event('u', 1), event('t', 1)]);
    const chain = await v5.taskEvents.where('[taskId+seq]').between(['t', 0], ['t', Infinity]).toArray();
    expect(chain.map((e) => e.seq)).toEqual([1, 2]);
    await v5.answers.bulkAdd([
      { taskId: 't', questionNumber: 2, text: 'b', evidence: [], updatedAt: '' },
      { taskId: 't', questionNumber: 1, text: 'a', evidence: [], updatedAt: '' },
    ]);
    expect(
      (await v5.answers.where('taskId').equals('t').sortBy('questionNumber')).map((a) => a.text),
    ).toEqual(['a', 'b']);
    await v5.qcVerdicts.add({ taskId: 't', version: 1, itemId: 'q1', verdict: 'agree', comment: '', at: '' });
    expect(await v5.qcVerdicts.where('[taskId+version]').equals(['t', 1]).count()).toBe(1);
  });

  it('version 6 records the time of received versions and keeps version 5 data', async () => {
    const name = freshName();
    const v5 = open(name, 5);
    await v5.open();
    expect(v5.tables.map((t) => t.name).sort()).toEqual([...VERSION_5_STORES].sort());
    await v5.table('receivedPackages').bulkAdd(version5ReceivedPackages);
    await v5.table('submissions').bulkAdd(version5Submissions);
    v5.close();

    const v6 = open(name, 6);
    await v6.open();
    expect(v6.verno).toBe(6);
    expect(v6.tables.map((t) => t.name).sort()).toEqual(
      [...VERSION_5_STORES, 'receivedTime', 'acceptances'].sort(),
    );
    expect(await v6.submissions.toArray()).toEqual(
      [...version5Submissions].sort((a, b) => a.taskId.localeCompare(b.taskId) || a.version - b.version),
    );
    expect(await v6.receivedPackages.count()).toBe(version5ReceivedPackages.length);

    // Received versions only, each with the entries it froze; not the analyst's own, not an unreadable one.
    const recorded = await v6.receivedTime.orderBy('packageId').toArray();
    expect(
      recorded.map(({ packageId, taskId, kind, version, entries }) => ({
        packageId,
        taskId,
        kind,
        version,
        entries: entries.map((e) => [e.id, e.minutes]),
      })),
    ).toEqual([
      { packageId: 'del-1', taskId: 'task-c', kind: 'deliverable', version: 1, entries: [['e9', 45]] },
      { packageId: 'sub-1', taskId: 'task-r', kind: 'submission', version: 1, entries: [['e1', 60]] },
      {
        packageId: 'sub-2',
        taskId: 'task-r',
        kind: 'submission',
        version: 2,
        entries: [
          ['e1', 60],
          ['e2', 30],
        ],
      },
    ]);
    expect(await v6.receivedTime.where('taskId').equals('task-r').count()).toBe(2);

    await v6.acceptances.add({
      packageId: 'acc-1',
      taskId: 'task-r',
      decision: 'accepted',
      comments: '',
      signer: { name: 'Nina', keyId: 'CCCCCCCCCCCCCCCC' },
      signedAt: '2026-11-25T10:00:00.000Z',
      deliverablePackageId: 'del-r',
      contentDigest: '2'.repeat(128),
      version: 2,
      receivedAt: '2026-11-26T10:00:00.000Z',
    });
    expect((await v6.acceptances.where('taskId').equals('task-r').toArray()).map((a) => a.decision)).toEqual([
      'accepted',
    ]);
  });
});
