import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import { createTasksRepository, datasetPath } from './tasks-repository';
import { appendAuditEvent } from '@core/package';

let db: KpoDatabase;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`tasks-repository-test-${counter}`);
  await db.profile.add({
    id: 'me',
    displayName: 'Carla',
    organisation: 'Acme',
    email: 'carla@acme.example',
    roles: ['coordinator'],
    keyId: 'ABCDEF0123456789',
    createdAt: '2026-11-25T00:00:00.000Z',
  });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('tasks repository', () => {
  it('creates a draft owned by this profile, logging each change on an intact chain', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft({ title: 'Market sizing' });
    expect(draft).toMatchObject({ state: 'draft', origin: 'authored', coordinator: { name: 'Carla' } });
    await tasks.updateDraft(draft.id, { client: 'Northwind' });
    await tasks.transition(draft.id, 'assigned', 'coordinator', { packageId: 'p' });

    const log = await tasks.auditLog(draft.id);
    expect(log.events.map((e) => [e.seq, e.type, e.actor])).toEqual([
      [1, 'task.created', 'ABCDEF0123456789'],
      [2, 'task.edited', 'ABCDEF0123456789'],
      [3, 'task.state-changed', 'ABCDEF0123456789'],
    ]);
    expect(log.events[2]?.data).toEqual({ from: 'draft', to: 'assigned', by: 'coordinator', packageId: 'p' });
    expect(log.problems).toEqual([]);
    expect((await tasks.get(draft.id))?.state).toBe('assigned');
  });

  it('refuses a move the workflow does not allow and leaves the task and its log unchanged', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft();
    await expect(tasks.transition(draft.id, 'submitted', 'analyst')).rejects.toThrow(
      /cannot become submitted/,
    );
    expect((await tasks.get(draft.id))?.state).toBe('draft');
    expect((await tasks.auditLog(draft.id)).events).toHaveLength(1);
  });

  it("refuses a reviewer's move unless this installation is the named reviewer and not the analyst", async () => {
    const tasks = createTasksRepository(db);
    const own = { name: 'Carla', keyId: 'ABCDEF0123456789' };
    const other = { name: 'Rita', keyId: '2222222222222222' };
    const draft = await tasks.createDraft();
    const submitted = async (people: { analyst: typeof own; reviewer: typeof own }) => {
      await db.tasks.update(draft.id, { state: 'submitted', ...people });
    };
    await submitted({ analyst: own, reviewer: own });
    await expect(tasks.transition(draft.id, 'approved', 'reviewer')).rejects.toThrow(
      /You are this task's analyst .*four-eyes/,
    );
    await submitted({ analyst: other, reviewer: { name: 'Rex', keyId: '3333333333333333' } });
    await expect(tasks.transition(draft.id, 'changes_requested', 'reviewer')).rejects.toThrow(
      /names Rex \(key 3333333333333333\) as its reviewer/,
    );
    expect((await tasks.get(draft.id))?.state).toBe('submitted');
    expect((await tasks.auditLog(draft.id)).events).toHaveLength(1);

    await submitted({ analyst: other, reviewer: own });
    await tasks.transition(draft.id, 'approved', 'reviewer');
    expect((await tasks.get(draft.id))?.state).toBe('approved');
  });

  it('logs only the fields an edit really changed, and nothing for an unchanged save', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft({
      title: 'A',
      analyst: { name: 'Ada', keyId: '0123456789ABCDEF' },
    });
    await tasks.updateDraft(draft.id, { title: 'A', client: 'B', analyst: undefined });
    await tasks.updateDraft(draft.id, { title: 'A', client: 'B' });
    const log = await tasks.auditLog(draft.id);
    expect(log.events.map((e) => e.data)).toEqual([{ title: 'A' }, { fields: ['analyst', 'client'] }]);
    expect((await tasks.get(draft.id))?.analyst).toBeUndefined();
  });

  it('refuses edits once the task left draft', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft();
    await tasks.transition(draft.id, 'assigned', 'coordinator');
    await expect(tasks.updateDraft(draft.id, { title: 'x' })).rejects.toThrow(/Only a draft can be edited/);
  });

  it('shows a stored event edited afterwards as a broken chain at that event', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft();
    await tasks.recordEvent(draft.id, 'note', { text: 'a' });
    await tasks.recordEvent(draft.id, 'note', { text: 'b' });
    await db.taskEvents.update([draft.id, 2], { data: { text: 'forged' } });
    const { problems } = await tasks.auditLog(draft.id);
    expect(problems).toEqual([expect.objectContaining({ line: 2, code: 'audit-hash-mismatch' })]);
  });

  it('keeps an attached CSV with the draft, hashed, under a unique datasets/ path, and detaches it', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft();
    const bytes = new TextEncoder().encode('a,b\n1,2\n');
    const first = await tasks.attachDataset(draft.id, 'Sales Q4.csv', bytes);
    const second = await tasks.attachDataset(draft.id, 'Sales Q4.csv', bytes);
    expect(first).toEqual({
      path: 'datasets/Sales-Q4.csv',
      name: 'Sales-Q4',
      sha256: '492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470',
      bytes: 8,
    });
    expect(second.path).toBe('datasets/Sales-Q4-2.csv');
    expect((await tasks.file(draft.id, first.path))?.bytes).toEqual(bytes);

    await tasks.setDatasetId(draft.id, first.path, 'ds-1');
    await tasks.detachDataset(draft.id, second.path);
    const task = await tasks.get(draft.id);
    expect(task?.datasets).toEqual([{ ...first, datasetId: 'ds-1' }]);
    expect(await tasks.file(draft.id, second.path)).toBeUndefined();
    const types = (await tasks.auditLog(draft.id)).events.map((e) => e.type);
    expect(types).toEqual([
      'task.created',
      'task.dataset-attached',
      'task.dataset-attached',
      'task.dataset-detached',
    ]);
  });

  it('hashes the bytes with SHA-256', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft();
    const attached = await tasks.attachDataset(draft.id, 'x.csv', new TextEncoder().encode('abc'));
    expect(attached.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('makes safe unique dataset paths', () => {
    expect(datasetPath('../../etc/passwd', [])).toBe('datasets/etc-passwd.csv');
    expect(datasetPath('data.tsv', ['datasets/data.csv', 'datasets/data-2.csv'])).toBe('datasets/data-3.csv');
    expect(datasetPath('.csv', [])).toBe('datasets/dataset.csv');
  });

  it('deletes a draft with its files and log, but never a task that was sent', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft();
    await tasks.attachDataset(draft.id, 'a.csv', new Uint8Array([1]));
    await tasks.removeDraft(draft.id);
    expect(await tasks.get(draft.id)).toBeUndefined();
    expect(await db.taskFiles.where('taskId').equals(draft.id).count()).toBe(0);
    expect(await db.taskEvents.where('taskId').equals(draft.id).count()).toBe(0);

    const sent = await tasks.createDraft();
    await tasks.transition(sent.id, 'assigned', 'coordinator');
    await expect(tasks.removeDraft(sent.id)).rejects.toThrow(/Only a draft written here can be deleted/);
    expect(await tasks.get(sent.id)).toBeDefined();
  });

  it('duplicates a sent task as a new draft with its datasets, without work state or log', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft({
      title: 'Market sizing',
      questions: [{ number: 1, text: 'How big?' }],
      analyst: { name: 'Ada', keyId: '0123456789ABCDEF' },
      checklist: [{ id: 'c1', text: 'Scope', severity: 'critical', evidenceRequired: true }],
    });
    const attached = await tasks.attachDataset(draft.id, 'a.csv', new Uint8Array([1, 2]));
    await tasks.setDatasetId(draft.id, attached.path, 'ds-1');
    await tasks.transition(draft.id, 'assigned', 'coordinator');

    const copy = await tasks.duplicate(draft.id);
    expect(copy).toMatchObject({
      state: 'draft',
      origin: 'authored',
      title: 'Copy of Market sizing',
      questions: [{ number: 1, text: 'How big?' }],
      analyst: { name: 'Ada' },
      coordinator: { name: 'Carla' },
      datasets: [{ ...attached, datasetId: 'ds-1' }],
      checklist: [{ id: 'c1', text: 'Scope' }],
      version: 0,
    });
    expect(copy.id).not.toBe(draft.id);
    expect((await tasks.file(copy.id, attached.path))?.bytes).toEqual(new Uint8Array([1, 2]));
    expect((await tasks.auditLog(copy.id)).events.map((e) => [e.type, e.data])).toEqual([
      ['task.created', { title: 'Copy of Market sizing', duplicateOf: draft.id }],
    ]);
    // The copy is editable even though the original left draft.
    await tasks.updateDraft(copy.id, { title: 'Next market' });
    expect((await tasks.get(draft.id))?.title).toBe('Market sizing');
  });

  it('receives a task with its files, continuing the chain it came with, and refuses it a second time', async () => {
    const tasks = createTasksRepository(db);
    const carried = appendAuditEvent([], {
      at: '2026-11-20T10:00:00.000Z',
      actor: 'X',
      type: 'task.created',
      data: {},
    });
    const input = {
      task: {
        id: 'task-1',
        title: 'Received',
        client: 'Northwind',
        brief: 'b',
        questions: [{ number: 1, text: 'q' }],
        due: '2026-12-01T17:00:00.000Z',
        priority: 'normal' as const,
        estimateHours: 3,
        datasets: [{ path: 'datasets/a.csv', name: 'a', sha256: 'f'.repeat(64), bytes: 2 }],
        checklistName: '',
        checklist: [],
      },
      files: [{ path: 'datasets/a.csv', mediaType: 'text/csv', bytes: new Uint8Array([1, 2]) }],
      events: carried,
      data: { packageId: 'p1' },
    };
    const record = await tasks.receive(input);
    expect(record).toMatchObject({ origin: 'received', state: 'assigned', version: 0 });
    const log = await tasks.auditLog('task-1');
    expect(log.events.map((e) => e.type)).toEqual(['task.created', 'task.received']);
    expect(log.events[1]?.prevHash).toBe(carried[0]?.hash);
    expect(log.problems).toEqual([]);
    expect((await tasks.file('task-1', 'datasets/a.csv'))?.bytes).toEqual(new Uint8Array([1, 2]));

    await expect(tasks.receive({ ...input, data: { packageId: 'p2' } })).rejects.toThrow(
      /Task "Received" \(id task-1\) is already on this computer/,
    );
    expect((await tasks.auditLog('task-1')).events).toHaveLength(2);
  });

  it('leaves nothing behind when a received task cannot be stored', async () => {
    const tasks = createTasksRepository(db);
    const input = {
      task: {
        id: 'task-2',
        title: 'Broken',
        client: '',
        brief: '',
        questions: [],
        due: '',
        priority: 'normal' as const,
        estimateHours: 0,
        datasets: [],
        checklistName: '',
        checklist: [],
      },
      // The same path twice violates the [taskId+path] key after the task row was added.
      files: [
        { path: 'datasets/a.csv', mediaType: 'text/csv', bytes: new Uint8Array([1]) },
        { path: 'datasets/a.csv', mediaType: 'text/csv', bytes: new Uint8Array([2]) },
      ],
      events: [],
    };
    await expect(tasks.receive(input)).rejects.toThrow();
    expect(await tasks.get('task-2')).toBeUndefined();
    expect(await db.taskFiles.count()).toBe(0);
    expect(await db.taskEvents.count()).toBe(0);
  });
});

describe('adopting a received audit log', () => {
  it('keeps events logged here after the hand-off inside the adopted chain, and refuses another history', async () => {
    const { adoptTaskEvents, readTaskAuditLog } = await import('./task-events');
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft({ title: 'Shared start' });
    const shared = (await tasks.auditLog(draft.id)).events;
    // Here: a move logged after the package left. There: the other side's own work.
    await tasks.recordEvent(draft.id, 'local.after-send', { n: 1 });
    const { appendAuditEvent } = await import('@core/package');
    const theirs = appendAuditEvent(shared, {
      at: '2026-11-25T10:00:00.000Z',
      actor: '0000000000000002',
      type: 'their.work',
      data: {},
    });

    await db.transaction('rw', db.taskEvents, db.profile, async () => {
      await adoptTaskEvents(db, draft.id, theirs);
    });
    const log = await readTaskAuditLog(db, draft.id);
    expect(log.problems).toEqual([]);
    expect(log.events.map((e) => e.type)).toEqual(['task.created', 'their.work', 'audit.local-events-kept']);
    const kept = log.events[2]?.data['events'] as { type: string }[];
    expect(kept.map((e) => e.type)).toEqual(['local.after-send']);

    const other = appendAuditEvent([], {
      at: '2026-11-25T10:00:00.000Z',
      actor: 'X',
      type: 'task.created',
      data: {},
    });
    await expect(
      db.transaction('rw', db.taskEvents, db.profile, async () => adoptTaskEvents(db, draft.id, other)),
    ).rejects.toThrow(/another history/);
    expect((await readTaskAuditLog(db, draft.id)).events).toHaveLength(3);
  });
});
