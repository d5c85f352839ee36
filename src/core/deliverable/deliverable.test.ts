import { beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, computeContentDigest } from '../package';
import { makeKey, text } from '../package/fixtures.test-support';
import type { TestKey } from '../package/fixtures.test-support';
import { assembleDeliverable, DeliverableAssemblyError, deliverableDigest } from './assemble';
import { sampleContent } from './fixtures.test-support';
import { readDeliverable } from './read';
import type { DeliverableProblem } from './read';

let keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey };
beforeAll(() => {
  keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };
});

const problemsOf = (files: ReadonlyMap<string, Uint8Array>): DeliverableProblem[] => {
  const result = readDeliverable(files);
  return result.ok ? [] : result.problems;
};

describe('assembleDeliverable', () => {
  it('writes the DESIGN.md §5 layout', () => {
    const files = assembleDeliverable(sampleContent(keys));
    expect([...files.keys()].sort()).toEqual([
      'deliverable/answers.json',
      'deliverable/charts/growth.json',
      'deliverable/charts/growth.png',
      'deliverable/findings/01-north-leads-growth.md',
      'deliverable/findings/02-south-orders-fell.md',
      'deliverable/manifest.json',
      'deliverable/report.html',
      'deliverable/report.md',
      'deliverable/report.pdf',
      'deliverable/sources.json',
      'deliverable/sources/s1/survey.pdf',
      'deliverable/tables/v1.csv',
      'qc/checklist.json',
      'task.json',
      'time/entries.json',
    ]);
  });

  it('is deterministic, so sign-offs can be added later without moving the digest', () => {
    const content = sampleContent(keys);
    const first = assembleDeliverable(content);
    const withLog = assembleDeliverable({
      ...content,
      auditEvents: appendAuditEvent([], { at: '2025-03-03T09:30:00.000Z', actor: 'x', type: 't', data: {} }),
    });
    expect(withLog.has('audit/events.jsonl')).toBe(true);
    expect(deliverableDigest(withLog)).toBe(deliverableDigest(first));
    expect(assembleDeliverable(content)).toEqual(first);
  });

  it('refuses ids that cannot be file names', () => {
    const content = sampleContent(keys);
    const [chart] = content.charts;
    if (!chart) throw new Error('fixture has a chart');
    expect(() => assembleDeliverable({ ...content, charts: [{ ...chart, id: '../escape' }] })).toThrow(
      DeliverableAssemblyError,
    );
  });
});

describe('readDeliverable', () => {
  it('reads back what was assembled, keyed relative to data/ or as a bag keys it', () => {
    const content = sampleContent(keys);
    const files = assembleDeliverable(content);
    const result = readDeliverable(files);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const read = result.deliverable;
    expect(read.manifest).toMatchObject({
      taskId: content.task.id,
      version: 1,
      taskTitle: content.task.title,
    });
    expect(read.answers).toEqual(content.answers);
    expect(read.findings.map(({ id, title, markdown }) => ({ id, title, markdown }))).toEqual(
      content.findings,
    );
    expect(read.charts).toEqual(content.charts);
    expect(read.tables.map(({ id, name, csv }) => ({ id, name, csv }))).toEqual(content.tables);
    expect(read.sources[0]?.attachment).toMatchObject({
      path: 'deliverable/sources/s1/survey.pdf',
      bytes: 15,
    });
    expect(read.sources[0]?.attachmentBytes).toEqual(content.sources[0]?.attachment?.bytes);
    expect(read.sources[1]).toEqual(content.sources[1]);
    expect(read.reportPdf).toEqual(content.reportPdf);
    expect(read.task).toEqual(content.task);
    expect(read.checklist).toEqual(content.checklist);
    expect(read.timeEntries).toEqual(content.timeEntries);
    expect(read.contentDigest).toBe(deliverableDigest(files));

    const bagKeyed = new Map([...files].map(([path, bytes]) => [`data/${path}`, bytes]));
    const fromBag = readDeliverable(bagKeyed);
    expect(fromBag.ok && fromBag.deliverable.contentDigest).toBe(computeContentDigest(bagKeyed));
  });

  it('names the file and JSON path of an invalid document', () => {
    const files = assembleDeliverable(sampleContent(keys));
    const answers = JSON.parse(new TextDecoder().decode(files.get('deliverable/answers.json'))) as {
      answers: { questionNumber: unknown }[];
    };
    if (answers.answers[1]) answers.answers[1].questionNumber = 'two';
    files.set('deliverable/answers.json', text(JSON.stringify(answers)));
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({ file: 'deliverable/answers.json', path: 'answers.1.questionNumber' }),
    ]);
  });

  it('reports missing, unlisted, mistyped and altered files', () => {
    const files = assembleDeliverable(sampleContent(keys));
    files.delete('deliverable/tables/v1.csv');
    files.set('deliverable/extra.txt', text('smuggled'));
    files.set('deliverable/charts/growth.png', text('not a png'));
    files.set('deliverable/sources/s1/survey.pdf', text('%PDF-1.4 edited'));
    const problems = problemsOf(files);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: 'deliverable/manifest.json',
          path: 'items.8.path',
          message: 'lists deliverable/tables/v1.csv, which is not in the package',
        },
        expect.objectContaining({ file: 'deliverable/extra.txt' }),
        expect.objectContaining({ file: 'deliverable/charts/growth.png', message: 'not a PNG image' }),
        expect.objectContaining({ file: 'deliverable/sources/s1/survey.pdf' }),
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('reports a manifest that is not JSON', () => {
    const files = assembleDeliverable(sampleContent(keys));
    files.set('deliverable/manifest.json', text('{'));
    expect(problemsOf(files)[0]).toMatchObject({ file: 'deliverable/manifest.json' });
  });
});

describe('content digest', () => {
  it('changes when any byte of any deliverable file changes, and not for files outside it', () => {
    const files = assembleDeliverable(sampleContent(keys));
    const digest = deliverableDigest(files);
    for (const [path, bytes] of files) {
      const changed = new Map(files);
      const edited = bytes.slice();
      edited[edited.length - 1] = (edited[edited.length - 1] ?? 0) ^ 1;
      changed.set(path, edited);
      if (path.startsWith('deliverable/')) expect(deliverableDigest(changed), path).not.toBe(digest);
      else expect(deliverableDigest(changed), path).toBe(digest);
    }
    const renamed = new Map(files);
    const csv = renamed.get('deliverable/tables/v1.csv') ?? new Uint8Array();
    renamed.delete('deliverable/tables/v1.csv');
    renamed.set('deliverable/tables/v2.csv', csv);
    expect(deliverableDigest(renamed)).not.toBe(digest);
  });
});
