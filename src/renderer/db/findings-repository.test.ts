import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analystTask } from './analyst-task.test-support';
import { KpoDatabase } from './database';
import { createFindingsRepository } from './findings-repository';
import { readTaskAuditLog } from './task-events';

let db: KpoDatabase;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`findings-repository-test-${counter}`);
  await db.tasks.add(analystTask());
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('findings repository', () => {
  it('creates, saves and deletes findings, one event per change that changed something', async () => {
    const findings = createFindingsRepository(db);
    const finding = await findings.create('task-1', { title: 'Growth', markdown: '' });
    expect(await findings.save(finding.id, { title: 'Growth', markdown: 'See [c](kpo:chart/c1).' })).toBe(
      true,
    );
    expect(await findings.save(finding.id, { title: 'Growth', markdown: 'See [c](kpo:chart/c1).' })).toBe(
      false,
    );
    expect((await findings.get(finding.id))?.markdown).toBe('See [c](kpo:chart/c1).');
    await findings.remove(finding.id);
    expect(await findings.list('task-1')).toEqual([]);

    const log = await readTaskAuditLog(db, 'task-1');
    expect(log.events.map((e) => e.type)).toEqual(['finding.created', 'finding.edited', 'finding.deleted']);
    expect(log.events[1]?.data).toMatchObject({ references: ['chart:c1'] });
    expect(log.problems).toEqual([]);
  });

  it('lists findings in the order they were written', async () => {
    const findings = createFindingsRepository(db);
    const first = await findings.create('task-1', { title: 'First', markdown: '' });
    const second = await findings.create('task-1', { title: 'Second', markdown: '' });
    await findings.save(first.id, { title: 'First, edited', markdown: 'x' });
    expect((await findings.list('task-1')).map((f) => f.id)).toEqual([first.id, second.id]);
  });

  it('keeps submitted work read-only', async () => {
    const findings = createFindingsRepository(db);
    const finding = await findings.create('task-1');
    await db.tasks.update('task-1', { state: 'approved' });
    await expect(findings.save(finding.id, { title: 'x', markdown: 'y' })).rejects.toThrow(
      /can no longer be edited/,
    );
    await expect(findings.create('task-1')).rejects.toThrow(/can no longer be edited/);
    expect((await findings.get(finding.id))?.markdown).toBe('');
  });
});
