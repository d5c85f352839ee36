import { describe, expect, it } from 'vitest';
import { assembleDeliverable } from '@core/deliverable';
import { sampleContent } from '@core/deliverable/fixtures.test-support';
import { json, makeKey } from '@core/package/fixtures.test-support';
import { deliverableView, evidenceLabel, qcEvidence, verdictsOf } from './deliverable-view';

const keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };

function bag(extra: Record<string, Uint8Array> = {}): Map<string, Uint8Array> {
  const payload = assembleDeliverable(sampleContent(keys));
  for (const [path, bytes] of Object.entries(extra)) payload.set(path, bytes);
  return new Map([...payload].map(([path, bytes]) => [`data/${path}`, bytes]));
}

const comment = {
  id: 'c1',
  author: { name: 'Rex Reviewer', keyId: keys.reviewer.keyId },
  at: '2025-03-04T08:00:00Z',
  body: 'Cite the source.',
  resolved: true,
};

describe('deliverableView', () => {
  it('names charts, tables and people, and keeps what printing the report needs', () => {
    const view = deliverableView(bag());
    expect(view.charts.map((c) => [c.id, c.title])).toEqual([['growth', 'Growth by region']]);
    expect(view.tables.map((t) => [t.id, t.name])).toEqual([['v1', 'Growth table']]);
    expect(view.people).toContainEqual({ keyId: keys.coordinator.keyId, name: 'Cora Coordinator' });
    expect(view.estimateHours).toBe(12);
    expect(view.reportInput?.task.title).toBe('Regional sales drivers');
  });

  it('reads the review threads, and falls back to the plainer comments.json with no versions', () => {
    const threads = deliverableView(
      bag({
        'review/threads.json': json({
          comments: [{ ...comment, version: 2, target: 'chart:growth' }],
        }),
      }),
    );
    expect(threads.reviewComments.map((c) => [c.target, c.version])).toEqual([['chart:growth', 2]]);

    const plain = deliverableView(
      bag({
        'review/comments.json': json({
          comments: [
            { ...comment, target: { file: 'deliverable/report.md', line: 3 } },
            { ...comment, id: 'c2', target: { checklistItem: 'q-answered' } },
          ],
        }),
      }),
    );
    expect(plain.reviewComments.map((c) => [c.id, c.target, c.version])).toEqual([
      ['c1', 'report', null],
      ['c2', 'qc:q-answered', null],
    ]);
  });

  it('names the evidence of each answer from the frozen parts and says where to find it', () => {
    const content = sampleContent(keys);
    const payload = assembleDeliverable({
      ...content,
      answers: [
        {
          ...content.answers[0]!,
          evidence: [
            // The recorded title is stale: the delivered chart's own title wins.
            { kind: 'chart', id: 'growth', title: 'Old title' },
            { kind: 'view', id: 'v1' },
            { kind: 'finding', id: 'f2' },
            { kind: 'source', id: 's1' },
            { kind: 'chart', id: 'gone', title: 'Deleted chart' },
            { kind: 'view', id: 'not-delivered-view' },
          ],
        },
      ],
    });
    const view = deliverableView(new Map([...payload].map(([path, bytes]) => [`data/${path}`, bytes])));
    const links = view.answerEvidence.get(1) ?? [];
    expect(links.map(evidenceLabel)).toEqual([
      'Chart "Growth by region"',
      'Table "Growth table"',
      'Finding "South: orders fell"',
      'Source "Retail survey"',
      'Chart "Deleted chart" (not in this deliverable)',
      'Table "not-deli" (not in this deliverable)',
    ]);
    expect(links.map((link) => link.target)).toEqual([
      { part: 'charts', anchor: 'deliverable-chart-growth' },
      { part: 'tables', anchor: 'deliverable-table-v1' },
      { part: 'report' },
      { part: 'sources', anchor: 'deliverable-source-s1' },
      null,
      null,
    ]);
  });

  it('reads QC evidence entries as references where they are links, as text otherwise', () => {
    const view = deliverableView(bag());
    const described = ['source:s2', 'chart:growth', 'E-mail of 3 March', 'source: the annual report'].map(
      (entry) => {
        const link = qcEvidence(view, entry);
        return typeof link === 'string' ? link : evidenceLabel(link);
      },
    );
    expect(described).toEqual([
      'Source "Interview notes"',
      'Chart "Growth by region"',
      'E-mail of 3 March',
      'source: the annual report',
    ]);
  });

  it('keeps the verdicts of every version and picks those on the delivered version', () => {
    const verdict = (version: number, verdict: 'agree' | 'disagree', comment = '') => ({
      version,
      itemId: 'sources',
      verdict,
      comment,
      at: '2025-03-04T08:00:00Z',
    });
    const bagOf = (version: number, verdicts: unknown[]) =>
      new Map(
        [...assembleDeliverable({ ...sampleContent(keys), version })].map(([path, bytes]) => [
          `data/${path}`,
          bytes,
        ]),
      ).set('data/review/verdicts.json', json({ verdicts }));

    const v2 = deliverableView(bagOf(2, [verdict(1, 'disagree', 'One link is dead'), verdict(2, 'agree')]));
    expect(v2.version).toBe(2);
    expect(v2.verdicts.map((v) => [v.version, v.verdict])).toEqual([
      [1, 'disagree'],
      [2, 'agree'],
    ]);
    expect(verdictsOf(v2, v2.version)).toEqual([verdict(2, 'agree')]);

    // A package from before every round was carried: only the delivered version's verdicts.
    const older = deliverableView(bagOf(2, [verdict(2, 'agree')]));
    expect(verdictsOf(older, older.version)).toEqual([verdict(2, 'agree')]);
  });
});
