import { describe, expect, it } from 'vitest';
import { assembleDeliverable } from '@core/deliverable';
import { sampleContent } from '@core/deliverable/fixtures.test-support';
import { json, makeKey } from '@core/package/fixtures.test-support';
import { deliverableView } from './deliverable-view';

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
});
