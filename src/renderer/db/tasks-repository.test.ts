import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import { createTasksRepository } from './tasks-repository';

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
});
