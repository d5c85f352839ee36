import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analystTask } from './analyst-task.test-support';
import { KpoDatabase } from './database';
import { MAX_SOURCE_ATTACHMENT_BYTES, createSourcesRepository } from './sources-repository';
import { readTaskAuditLog } from './task-events';

let db: KpoDatabase;
let counter = 0;
const fields = {
  title: 'Retail census 2025',
  author: 'Statistics Office',
  url: 'https://stats.example.org/census',
  accessed: '2026-11-20',
  notes: 'Table 4 has the regional split.',
};
const pdf = { name: 'census.pdf', data: new TextEncoder().encode('%PDF-1.7 test') };

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`sources-repository-test-${counter}`);
  await db.tasks.add(analystTask());
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('sources repository', () => {
  it('stores a source with its attachment under sources/<id>/ and logs it', async () => {
    const sources = createSourcesRepository(db);
    const source = await sources.create('task-1', fields, pdf);
    expect(source.attachmentPath).toBe(`sources/${source.id}/census.pdf`);
    const attachment = await sources.attachment(source.id);
    expect(attachment).toMatchObject({ fileName: 'census.pdf', mediaType: 'application/pdf' });
    expect(new TextDecoder().decode(attachment?.bytes)).toBe('%PDF-1.7 test');
    const log = await readTaskAuditLog(db, 'task-1');
    expect(log.events.map((e) => e.type)).toEqual(['source.created']);
    expect(log.problems).toEqual([]);
  });

  it('refuses a URL that is not http(s), a missing title, a bad date, a wrong or oversized file', async () => {
    const sources = createSourcesRepository(db);
    await expect(sources.create('task-1', { ...fields, url: 'javascript:alert(1)' })).rejects.toMatchObject({
      field: 'url',
    });
    await expect(sources.create('task-1', { ...fields, title: ' ' })).rejects.toMatchObject({
      field: 'title',
    });
    await expect(sources.create('task-1', { ...fields, accessed: '20/11/2026' })).rejects.toMatchObject({
      field: 'accessed',
    });
    await expect(
      sources.create('task-1', fields, { name: 'run.exe', data: new Uint8Array(1) }),
    ).rejects.toThrow(/"run.exe" is not a PDF or an image/);
    const big = { name: 'big.pdf', data: new Uint8Array(MAX_SOURCE_ATTACHMENT_BYTES + 1) };
    await expect(sources.create('task-1', fields, big)).rejects.toThrow(/up to 25 MB/);
    expect(await db.sources.count()).toBe(0);
    expect(await db.taskFiles.count()).toBe(0);
  });

  it('edits fields, replaces and removes the attachment, logging what changed', async () => {
    const sources = createSourcesRepository(db);
    const source = await sources.create('task-1', fields, pdf);
    await sources.update(
      source.id,
      { ...fields, author: 'ONS' },
      { name: '../../chart.png', data: new Uint8Array(3) },
    );
    const updated = await sources.get(source.id);
    expect(updated).toMatchObject({ author: 'ONS', attachmentPath: `sources/${source.id}/chart.png` });
    expect(await db.taskFiles.count()).toBe(1);
    await sources.update(source.id, fields, null);
    expect((await sources.get(source.id))?.attachmentPath).toBeUndefined();
    expect(await db.taskFiles.count()).toBe(0);
    const events = (await readTaskAuditLog(db, 'task-1')).events;
    expect(events[1]?.data).toMatchObject({ fields: ['author', 'attachment'] });
  });

  it('refuses to delete a source a finding or an answer cites, naming them', async () => {
    const sources = createSourcesRepository(db);
    const source = await sources.create('task-1', fields, pdf);
    const now = '2026-11-25T00:00:00.000Z';
    await db.findings.add({
      id: 'f1',
      taskId: 'task-1',
      title: 'Growth',
      markdown: `Grew [1](kpo:source/${source.id}).`,
      createdAt: now,
      updatedAt: now,
    });
    await db.answers.add({
      taskId: 'task-1',
      questionNumber: 2,
      text: 'A',
      evidence: [{ kind: 'source', id: source.id }],
      updatedAt: now,
    });
    await expect(sources.remove(source.id)).rejects.toThrow(
      /cited by finding "Growth", the answer to question 2/,
    );
    expect(await sources.get(source.id)).toBeDefined();

    await db.findings.clear();
    await db.answers.clear();
    await sources.remove(source.id);
    expect(await sources.get(source.id)).toBeUndefined();
    expect(await db.taskFiles.count()).toBe(0);
    expect((await readTaskAuditLog(db, 'task-1')).events.at(-1)?.type).toBe('source.deleted');
  });
});
