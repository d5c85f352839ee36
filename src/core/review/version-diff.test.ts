import { describe, expect, it } from 'vitest';
import type { Checklist } from '../package';
import { diffDisplayLines, diffText, diffVersions } from './version-diff';

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const files = (entries: Record<string, string>): Map<string, Uint8Array> =>
  new Map(Object.entries(entries).map(([path, text]) => [path, enc(text)]));
const answers = (byNumber: Record<number, string>): string =>
  JSON.stringify({
    answers: Object.entries(byNumber).map(([n, text]) => ({
      questionNumber: Number(n),
      question: `Question ${n}`,
      text,
      evidence: [],
    })),
  });

const item = (
  id: string,
  result: 'pass' | 'fail' | 'open',
  comment?: string,
): Checklist['items'][number] => ({
  id,
  text: `Item ${id}`,
  severity: 'major',
  evidenceRequired: false,
  result,
  ...(comment === undefined ? {} : { comment }),
});

describe('diffText', () => {
  it('marks only the edited line as removed and added', () => {
    const diff = diffText('a\nb\nc\n', 'a\nB\nc\n');
    expect(diff.changed).toBe(true);
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'a\n' },
      { kind: 'removed', text: 'b\n' },
      { kind: 'added', text: 'B\n' },
      { kind: 'same', text: 'c\n' },
    ]);
  });

  it('lists one display line per line, without phantom lines where parts end in a newline', () => {
    expect(diffDisplayLines(diffText('a\nb\nc', 'a\nB\nB2\nc'))).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'added', text: 'B2' },
      { kind: 'same', text: 'c' },
    ]);
    expect(diffDisplayLines(diffText('x\n\n', 'y\n\n'))).toEqual([
      { kind: 'removed', text: 'x' },
      { kind: 'added', text: 'y' },
      { kind: 'same', text: '' },
    ]);
  });

  it('reports identical text as unchanged', () => {
    expect(diffText('same\n', 'same\n').changed).toBe(false);
  });
});

describe('diffVersions', () => {
  const v1 = files({
    'report.md': '# Findings\n\nNorth grew.\n',
    'answers.json': answers({ 1: 'North', 2: 'Prices' }),
    'charts/c1.png': 'png-1',
    'charts/c1.json': '{"type":"bar"}',
    'charts/c2.png': 'png-2',
    'tables/t1.csv': 'a,b\n1,2\n',
  });
  const v2 = files({
    'report.md': '# Findings\n\nNorth grew by 12%.\n',
    'answers.json': answers({ 1: 'North', 2: 'Prices and weather', 3: 'New' }),
    'charts/c1.png': 'png-1',
    'charts/c1.json': '{"type":"line"}',
    'tables/t1.csv': 'a,b\n1,2\n',
    'tables/t2.csv': 'x\n1\n',
  });
  const diff = diffVersions(
    {
      files: v1,
      checklist: { items: [item('a', 'fail', 'missing source'), item('b', 'pass'), item('gone', 'pass')] },
    },
    { files: v2, checklist: { items: [item('a', 'pass', 'fixed'), item('b', 'pass'), item('new', 'open')] } },
  );

  it('diffs the report line by line', () => {
    expect(diff.report.changed).toBe(true);
    expect(diff.report.parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual([
      'North grew.\n',
    ]);
    expect(diff.report.parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual([
      'North grew by 12%.\n',
    ]);
  });

  it('diffs each answer, including a newly answered question', () => {
    expect(diff.answers.map((a) => [a.questionNumber, a.changed])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
  });

  it('lists QC items whose result or comment changed, and added and removed items', () => {
    expect(diff.qc).toEqual([
      {
        itemId: 'a',
        text: 'Item a',
        change: 'changed',
        before: { result: 'fail', comment: 'missing source' },
        after: { result: 'pass', comment: 'fixed' },
      },
      { itemId: 'new', text: 'Item new', change: 'added', after: { result: 'open', comment: '' } },
      { itemId: 'gone', text: 'Item gone', change: 'removed', before: { result: 'pass', comment: '' } },
    ]);
  });

  it('lists charts and tables added, removed and changed, by path', () => {
    expect(diff.artifacts).toEqual([
      { kind: 'chart', id: 'c1', change: 'changed', paths: ['charts/c1.json'] },
      { kind: 'chart', id: 'c2', change: 'removed', paths: ['charts/c2.png'] },
      { kind: 'table', id: 't2', change: 'added', paths: ['tables/t2.csv'] },
    ]);
  });

  it('finds nothing between a version and itself', () => {
    const same = diffVersions({ files: v1, checklist: null }, { files: v1, checklist: null });
    expect(same.report.changed).toBe(false);
    expect(same.answers.every((a) => !a.changed)).toBe(true);
    expect(same.artifacts).toEqual([]);
    expect(same.qc).toEqual([]);
  });
});
