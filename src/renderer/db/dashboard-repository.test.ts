import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KpoDatabase } from './database';
import { createDashboardRepository } from './dashboard-repository';
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

  it('refuses a negative rate and keeps the old one', async () => {
    const dashboard = createDashboardRepository(db);
    await dashboard.setClientRate('Northwind', 100);
    await expect(dashboard.setClientRate('Northwind', -1)).rejects.toThrow(/at least 0/);
    expect(await dashboard.clientRates()).toEqual({ Northwind: 100 });
  });
});
