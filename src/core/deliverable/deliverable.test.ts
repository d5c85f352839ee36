import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from '../bagit';
import type { AuditEvent } from '../package';
import { appendAuditEvent, computeContentDigest, serializeAuditLog } from '../package';
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

/** A log of `count` events, each chained on the one before. */
const logOf = (count: number): AuditEvent[] =>
  Array.from({ length: count }).reduce<AuditEvent[]>(
    (log, _, index) =>
      appendAuditEvent(log, {
        at: `2025-03-0${String(index + 1)}T09:00:00.000Z`,
        actor: 'ada',
        type: 'work.edited',
        data: { step: index + 1 },
      }),
    [],
  );

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

  it('records in the manifest the sha512 of task.json, the QC results and the time entries as written', () => {
    const files = assembleDeliverable(sampleContent(keys));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('deliverable/manifest.json'))) as {
      records: { path: string; sha512: string }[];
      auditHead?: unknown;
    };
    const sha512 = (path: string): string => {
      const hash = createHash('sha512');
      hash.update(files.get(path) ?? new Uint8Array());
      return hash.digestHex();
    };
    expect(manifest.records).toEqual(
      ['task.json', 'qc/checklist.json', 'time/entries.json'].map((path) => ({ path, sha512: sha512(path) })),
    );
    expect(manifest.auditHead).toBeUndefined();
  });

  it('records where the audit log ended when frozen, and refuses a log that does not hold that event', () => {
    const content = sampleContent(keys);
    const before = logOf(2);
    const auditHead = { events: 2, hash: before[1]?.hash ?? '' };
    const frozenEvent = { at: '2025-03-03T09:30:00.000Z', actor: 'x', type: 'submission.frozen', data: {} };
    const files = assembleDeliverable({
      ...content,
      auditHead,
      auditEvents: appendAuditEvent(before, frozenEvent),
    });
    const manifest = JSON.parse(new TextDecoder().decode(files.get('deliverable/manifest.json'))) as {
      auditHead?: unknown;
    };
    expect(manifest.auditHead).toEqual(auditHead);
    // The log comes at signing: adding it leaves the digest the analyst previewed unchanged.
    expect(deliverableDigest(files)).toBe(deliverableDigest(assembleDeliverable({ ...content, auditHead })));
    expect(() =>
      assembleDeliverable({ ...content, auditHead, auditEvents: appendAuditEvent(logOf(1), frozenEvent) }),
    ).toThrow(DeliverableAssemblyError);
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

  it('reports QC results, time entries or a task that are not the ones the manifest records', () => {
    const files = assembleDeliverable(sampleContent(keys));
    files.set('qc/checklist.json', text('{"items":[]}\n'));
    files.delete('time/entries.json');
    expect(problemsOf(files)).toEqual([
      {
        file: 'qc/checklist.json',
        message:
          'not the one the analyst signed in version 1 (sha512 differs from deliverable/manifest.json)',
      },
      {
        file: 'time/entries.json',
        message:
          'missing, but it is part of what the analyst signed in version 1 (deliverable/manifest.json)',
      },
    ]);
  });

  it('reports an audit log that no longer holds the events the version was frozen with', () => {
    const before = logOf(3);
    const auditHead = { events: 3, hash: before[2]?.hash ?? '' };
    const files = assembleDeliverable({ ...sampleContent(keys), auditHead, auditEvents: before });
    const later = appendAuditEvent(before, {
      at: '2025-03-05T09:00:00.000Z',
      actor: 'rex',
      type: 'x',
      data: {},
    });
    files.set('audit/events.jsonl', text(serializeAuditLog(later)));
    expect(problemsOf(files)).toEqual([]);
    // Event 2 rewritten and the chain after it recomputed: intact as a chain, but not the frozen one.
    const rewritten = before.reduce<AuditEvent[]>(
      (log, { at, actor, type, data }, index) =>
        appendAuditEvent(log, { at, actor, type, data: index === 1 ? { step: 'edited' } : data }),
      [],
    );
    files.set('audit/events.jsonl', text(serializeAuditLog(rewritten)));
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({
        file: 'audit/events.jsonl',
        message: expect.stringMatching(
          /^line 3 is not the last of the 3 audit events version 1 was frozen with/,
        ) as unknown,
      }),
    ]);
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
