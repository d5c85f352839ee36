import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import { createDashboardRepository } from './dashboard-repository';
import { createHandoffRepository } from './handoff-repository';
import { createTasksRepository } from './tasks-repository';

let db: KpoDatabase;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`dashboard-repository-test-${counter}`);
  await db.profile.add({
    id: 'me',
    displayName: 'Cora',
    organisation: 'Acme',
    email: 'cora@acme.example',
    roles: ['coordinator'],
    keyId: 'ABCDEF0123456789',
    createdAt: '2026-11-25T00:00:00.000Z',
  });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('dashboard repository', () => {
  it('reads tasks, their events and time entries, and stores a rate per client', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft({ title: 'Sizing', client: 'Northwind' });
    await tasks.transition(draft.id, 'assigned', 'coordinator');
    await db.timeEntries.add({
      id: 'e1',
      taskId: draft.id,
      person: 'ABCDEF0123456789',
      date: '2026-11-20',
      minutes: 90,
      note: '',
      origin: 'manual',
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    const dashboard = createDashboardRepository(db);
    await dashboard.setClientRate('Northwind', 120);
    await dashboard.setClientRate('Contoso', 80);

    const input = await dashboard.input();
    expect(input.tasks).toEqual([
      expect.objectContaining({ id: draft.id, client: 'Northwind', state: 'assigned' }),
    ]);
    expect(input.events.map((e) => e.type)).toEqual(['task.created', 'task.state-changed']);
    expect(input.timeEntries).toEqual([{ taskId: draft.id, date: '2026-11-20', minutes: 90 }]);
    expect(input.rates).toEqual({ Northwind: 120, Contoso: 80 });
  });

  it('counts the time that arrived with the work: the latest version per task, local entries first, none twice', async () => {
    const handoff = createHandoffRepository(db);
    const ANALYST = '1111111111111111';
    const entry = (id: string, minutes: number) => ({
      id,
      person: ANALYST,
      date: '2026-11-21',
      minutes,
      activity: 'manual entry',
    });
    const task = {
      id: 'task-r',
      title: 'Regional sales',
      client: 'Northwind',
      brief: '',
      questions: [{ number: 1, text: 'Which region grew?' }],
      due: '2026-12-01T17:00:00Z',
      priority: 'normal' as const,
      estimateHours: 6,
      people: { coordinator: { name: 'Cora', keyId: 'ABCDEF0123456789' } },
      datasets: [],
      checklist: { items: [] },
    };
    const received = (version: number, timeEntries: ReturnType<typeof entry>[]) => ({
      task,
      packageId: `sub-${String(version)}`,
      events: [],
      sender: { keyId: ANALYST, name: 'Ada' },
      files: {},
      contentDigest: String(version).repeat(128),
      submittedBy: { name: 'Ada', keyId: ANALYST },
      submittedAt: '2026-11-24T10:00:00.000Z',
      version,
      timeEntries,
    });
    // Version 2's log holds version 1's entry again, and one more; the deliverable repeats version 2.
    await handoff.receiveSubmission(received(1, [entry('e1', 60)]));
    await handoff.receiveSubmission(received(2, [entry('e1', 60), entry('e2', 75)]));
    await handoff.receiveDeliverable({
      ...received(2, [entry('e1', 60), entry('e2', 75)]),
      packageId: 'del-2',
    });
    // One entry is also on this machine (the same person's installation): that copy wins.
    await db.timeEntries.add({
      id: 'e2',
      taskId: 'task-r',
      person: ANALYST,
      date: '2026-11-22',
      minutes: 80,
      note: '',
      origin: 'manual',
      createdAt: '2026-11-22T10:00:00.000Z',
    });

    const input = await createDashboardRepository(db).input();
    expect(input.timeEntries).toEqual([
      { taskId: 'task-r', date: '2026-11-22', minutes: 80 },
      { taskId: 'task-r', date: '2026-11-21', minutes: 60, receivedFrom: { version: 2 } },
    ]);
  });

  it('gives the coordinator the delivered hours an acceptance carried back', async () => {
    const tasks = createTasksRepository(db);
    const draft = await tasks.createDraft({ title: 'Sizing', client: 'Northwind' });
    await db.receivedTime.put({
      packageId: 'acc-1',
      taskId: draft.id,
      kind: 'acceptance',
      version: 2,
      entries: [
        { id: 'e1', person: '1111111111111111', date: '2026-11-21', minutes: 135, activity: 'manual entry' },
      ],
      receivedAt: '2026-11-26T10:00:00.000Z',
    });
    const input = await createDashboardRepository(db).input();
    expect(input.timeEntries).toEqual([
      { taskId: draft.id, date: '2026-11-21', minutes: 135, receivedFrom: { version: 2 } },
    ]);
  });

  it('refuses a negative rate and keeps the old one', async () => {
    const dashboard = createDashboardRepository(db);
    await dashboard.setClientRate('Northwind', 100);
    await expect(dashboard.setClientRate('Northwind', -1)).rejects.toThrow(/at least 0/);
    expect(await dashboard.clientRates()).toEqual({ Northwind: 100 });
  });
});
