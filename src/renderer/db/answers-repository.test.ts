import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswersRepository } from './answers-repository';
import { analystTask } from './analyst-task.test-support';
import { KpoDatabase } from './database';
import { readTaskAuditLog } from './task-events';

let db: KpoDatabase;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new KpoDatabase(`answers-repository-test-${counter}`);
  await db.tasks.add(analystTask());
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('answers repository', () => {
  it('saves one answer per question with de-duplicated evidence and logs each real change', async () => {
    const answers = createAnswersRepository(db);
    const evidence = [
      { kind: 'chart', id: 'c1' },
      { kind: 'source', id: 's1' },
      { kind: 'chart', id: 'c1' },
    ] as const;
    expect(await answers.save('task-1', 2, { text: 'Acme leads.', evidence: [...evidence] })).toBe(true);
    expect(await answers.save('task-1', 2, { text: 'Acme leads.', evidence: [...evidence] })).toBe(false);
    expect(await answers.save('task-1', 1, { text: '£4bn', evidence: [] })).toBe(true);

    const list = await answers.list('task-1');
    expect(list.map((a) => [a.questionNumber, a.text, a.evidence])).toEqual([
      [1, '£4bn', []],
      [
        2,
        'Acme leads.',
        [
          { kind: 'chart', id: 'c1' },
          { kind: 'source', id: 's1' },
        ],
      ],
    ]);
    const log = await readTaskAuditLog(db, 'task-1');
    expect(log.events.map((e) => e.type)).toEqual(['answer.saved', 'answer.saved']);
    expect(log.events[0]?.data).toEqual({
      questionNumber: 2,
      characters: 11,
      evidence: ['chart:c1', 'source:s1'],
    });
    expect(log.problems).toEqual([]);
  });

  it('refuses a question the task does not have, bad evidence, and a submitted task', async () => {
    const answers = createAnswersRepository(db);
    await expect(answers.save('task-1', 3, { text: 'x', evidence: [] })).rejects.toThrow(/no question 3/);
    await expect(
      answers.save('task-1', 1, { text: 'x', evidence: [{ kind: 'email' as 'chart', id: 'e' }] }),
    ).rejects.toThrow();
    await db.tasks.update('task-1', { state: 'submitted' });
    await expect(answers.save('task-1', 1, { text: 'x', evidence: [] })).rejects.toThrow(
      /can no longer be edited/,
    );
    expect(await db.answers.count()).toBe(0);
  });
});
