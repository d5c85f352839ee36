import { describe, expect, it } from 'vitest';
import { citationNumbers, findingReferences, parseKpoUrl, referenceLink } from './references';

describe('findingReferences', () => {
  it('lists chart, view and source references in order with their labels', () => {
    const md = [
      'Sales grew [Sales chart](kpo:chart/c-1) as the table shows: [Top rows](kpo:view/v_2).',
      'According to [Smith \\[2024\\]](kpo:source/s1) and again [again](kpo:source/s1).',
      'A [web link](https://example.com) is not evidence.',
    ].join('\n');
    expect(findingReferences(md)).toEqual([
      { kind: 'chart', id: 'c-1', label: 'Sales chart' },
      { kind: 'view', id: 'v_2', label: 'Top rows' },
      { kind: 'source', id: 's1', label: 'Smith [2024]' },
      { kind: 'source', id: 's1', label: 'again' },
    ]);
  });

  it('ignores references quoted as code and unknown kpo kinds', () => {
    const md = '`[x](kpo:chart/a)`\n\n```\n[y](kpo:source/b)\n```\n[z](kpo:finding/c) [w](kpo:chart/)';
    expect(findingReferences(md)).toEqual([]);
  });

  it('round-trips a link built by referenceLink, even with brackets in the label', () => {
    const link = referenceLink('source', 'abc', 'Report [draft]');
    expect(findingReferences(`See ${link}.`)).toEqual([
      { kind: 'source', id: 'abc', label: 'Report [draft]' },
    ]);
  });

  it('numbers citations by first appearance across findings', () => {
    const numbers = citationNumbers([
      '[a](kpo:source/b) [c](kpo:chart/x)',
      '[d](kpo:source/a) [e](kpo:source/b)',
    ]);
    expect([...numbers]).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('parses only well-formed kpo addresses', () => {
    expect(parseKpoUrl('kpo:view/abc')).toEqual({ kind: 'view', id: 'abc' });
    expect(parseKpoUrl('kpo:view/abc?x')).toBeUndefined();
    expect(parseKpoUrl('https://x/kpo:view/abc')).toBeUndefined();
  });
});
