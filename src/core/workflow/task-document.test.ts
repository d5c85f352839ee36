import { describe, expect, it } from 'vitest';
import { taskSchema } from '../package/schemas/task';
import type { TaskDocumentInput } from './task-document';
import { toTaskDocument } from './task-document';

const complete = (): TaskDocumentInput => ({
  id: 'b1f0c7a2-6a55-4d8e-9b62-0e1f2a3b4c5d',
  title: '  Regional sales drivers ',
  client: 'Northwind Ltd',
  brief: '# Brief\n\nExplain Q4.',
  questions: [
    { number: 3, text: 'Which region grew fastest?' },
    { number: 1, text: ' What explains the drop? ' },
  ],
  due: '2026-12-01T17:00:00.000Z',
  priority: 'high',
  estimateHours: 12.5,
  coordinator: { name: 'Cora', keyId: 'ABCDEF0123456789', email: 'cora@example.org' },
  analyst: { name: 'Ada', keyId: '0123456789ABCDEF' },
  reviewer: { name: 'Rex', keyId: 'FEDCBA9876543210' },
  datasets: [{ path: 'datasets/sales.csv', name: 'sales', sha256: 'a'.repeat(64), bytes: 42 }],
  checklistName: 'Research',
  checklist: [
    { id: 'scope', text: 'Scope answered', severity: 'critical', evidenceRequired: true },
    { id: 'units', text: 'Units consistent', severity: 'minor', evidenceRequired: false },
  ],
});

function problemsOf(input: TaskDocumentInput): string[] {
  const result = toTaskDocument(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => p.message);
}

describe('toTaskDocument', () => {
  it('makes a schema-valid task.json, numbering questions by position and trimming text', () => {
    const result = toTaskDocument(complete());
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
    expect(taskSchema.safeParse(result.task).success).toBe(true);
    expect(result.task.title).toBe('Regional sales drivers');
    expect(result.task.questions).toEqual([
      { number: 1, text: 'Which region grew fastest?' },
      { number: 2, text: 'What explains the drop?' },
    ]);
    expect(result.task.people.analyst).toEqual({ name: 'Ada', keyId: '0123456789ABCDEF' });
    expect(result.task.checklist).toEqual({ name: 'Research', items: complete().checklist });
  });

  it('names every missing field of an empty draft', () => {
    const messages = problemsOf({
      ...complete(),
      title: ' ',
      client: '',
      brief: '',
      questions: [],
      due: '',
      analyst: undefined,
      reviewer: undefined,
      coordinator: undefined,
      checklist: [],
    });
    expect(messages).toEqual([
      'Enter a title.',
      'Enter the client.',
      'Write the brief.',
      'Add at least one research question.',
      'Set a due date and time.',
      'Create your profile in Settings: the task names you as coordinator.',
      'Pick an analyst.',
      'Pick a reviewer.',
      'Add at least one QC checklist item.',
    ]);
  });

  it('says which question and which checklist item is empty', () => {
    const input = complete();
    const result = toTaskDocument({
      ...input,
      questions: [
        { number: 1, text: 'ok' },
        { number: 2, text: '   ' },
      ],
      checklist: [...input.checklist, { id: 'x', text: '', severity: 'major', evidenceRequired: false }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: 'questions.2', message: 'Question 2 is empty.' },
      { field: 'checklist.3', message: 'Checklist item 3 is empty.' },
    ]);
  });

  it('refuses an unreadable due date, a negative estimate and repeated checklist ids', () => {
    const input = complete();
    expect(
      problemsOf({
        ...input,
        due: 'next Tuesday',
        estimateHours: -1,
        checklist: [input.checklist[0]!, { ...input.checklist[1]!, id: 'scope' }],
      }),
    ).toEqual([
      'The due date "next Tuesday" is not a date.',
      'The estimated effort must be a number of hours, 0 or more.',
      'Checklist item 2 repeats the id "scope".',
    ]);
  });

  it('reports what only the schema catches, with the field path', () => {
    const result = toTaskDocument({ ...complete(), analyst: { name: 'Ada', keyId: 'not-a-key' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['people.analyst.keyId']);
    expect(result.problems[0]?.message).toMatch(/^people\.analyst\.keyId: expected a 16-digit/);
  });
});
