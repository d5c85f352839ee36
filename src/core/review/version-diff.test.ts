import { describe, expect, it } from 'vitest';
import type { Checklist } from '../package';
import { artifactTitles, describeEvidence, evidenceTitles } from './deliverable-files';
import type { QcItemChange } from './version-diff';
import {
  describeArtifactChange,
  describeQcChange,
  diffDisplayLines,
  diffText,
  diffVersions,
} from './version-diff';

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
  more: Partial<Checklist['items'][number]> = {},
): Checklist['items'][number] => ({
  id,
  text: `Item ${id}`,
  severity: 'major',
  evidenceRequired: false,
  result,
  ...(comment === undefined ? {} : { comment }),
  ...more,
});

/** deliverable/manifest.json listing charts and tables by title, as the app writes it. */
const manifest = (items: { kind: string; id: string; title: string; path: string }[]): string =>
  JSON.stringify({
    format: 'kpo-deliverable/1',
    taskId: 't',
    items: items.map((i) => ({ ...i, path: `deliverable/${i.path}` })),
  });
const chartJson = (id: string, title: string, type = 'bar'): string =>
  JSON.stringify({ id, title, caption: '', sourceNote: '', spec: { type } });

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
    'manifest.json': manifest([
      { kind: 'chart', id: 'c1', title: 'Revenue', path: 'charts/c1.png' },
      { kind: 'chart', id: 'c2', title: 'Share of sales', path: 'charts/c2.png' },
      { kind: 'table', id: 't1', title: 'All revenue', path: 'tables/t1.csv' },
    ]),
    'charts/c1.png': 'png-1',
    'charts/c1.json': chartJson('c1', 'Revenue'),
    'charts/c2.png': 'png-2',
    'charts/c2.json': chartJson('c2', 'Share of sales', 'pie'),
    'tables/t1.csv': 'a,b\n1,2\n',
    'sources.json': JSON.stringify({ sources: [] }),
  });
  const v2 = files({
    'report.md': '# Findings\n\nNorth grew by 12%.\n',
    'answers.json': answers({ 1: 'North', 2: 'Prices and weather', 3: 'New' }),
    'manifest.json': manifest([
      { kind: 'chart', id: 'c1', title: 'Revenue by region', path: 'charts/c1.png' },
      { kind: 'table', id: 't1', title: 'All revenue', path: 'tables/t1.csv' },
      { kind: 'table', id: 't2', title: 'Q4 by region', path: 'tables/t2.csv' },
      { kind: 'finding', id: 'f1', title: 'North leads', path: 'findings/01-north-leads.md' },
    ]),
    'charts/c1.png': 'png-1',
    'charts/c1.json': chartJson('c1', 'Revenue by region', 'line'),
    'tables/t1.csv': 'a,b\n1,2\n',
    'tables/t2.csv': 'x\n1\n',
    'sources.json': JSON.stringify({
      sources: [{ id: 's1', title: 'Retail census', author: '', url: '', accessed: '', notes: '' }],
    }),
  });
  const diff = diffVersions(
    {
      files: v1,
      checklist: {
        items: [
          item('a', 'fail', 'missing source'),
          item('b', 'pass'),
          item('gone', 'pass'),
          item('why', 'fail', 'late data', { justification: 'Client sent it late' }),
          item('ev', 'pass', undefined, { evidence: ['chart:c2'] }),
        ],
      },
    },
    {
      files: v2,
      checklist: {
        items: [
          item('a', 'pass', 'fixed'),
          item('b', 'pass'),
          item('new', 'open'),
          item('why', 'fail', 'late data', { justification: 'The client sent Q4 data after the due date' }),
          item('ev', 'pass', undefined, { evidence: ['chart:c1', 'source:s1', 'e-mail of 3 March'] }),
        ],
      },
    },
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

  it('lists QC items whose result, comment, justification or evidence changed, and added and removed items', () => {
    const state = (result: string, comment = '', justification = '', evidence: string[] = []) => ({
      result,
      comment,
      justification,
      evidence,
    });
    expect(diff.qc).toEqual([
      {
        itemId: 'a',
        text: 'Item a',
        change: 'changed',
        fields: ['result', 'comment'],
        before: state('fail', 'missing source'),
        after: state('pass', 'fixed'),
      },
      { itemId: 'new', text: 'Item new', change: 'added', fields: [], after: state('open') },
      {
        itemId: 'why',
        text: 'Item why',
        change: 'changed',
        fields: ['justification'],
        before: state('fail', 'late data', 'Client sent it late'),
        after: state('fail', 'late data', 'The client sent Q4 data after the due date'),
      },
      {
        itemId: 'ev',
        text: 'Item ev',
        change: 'changed',
        fields: ['evidence'],
        before: state('pass', '', '', ['chart:c2']),
        after: state('pass', '', '', ['chart:c1', 'source:s1', 'e-mail of 3 March']),
      },
      { itemId: 'gone', text: 'Item gone', change: 'removed', fields: [], before: state('pass') },
    ]);
  });

  it('names charts and tables by title, with the files that differ', () => {
    expect(diff.artifacts).toEqual([
      {
        kind: 'chart',
        id: 'c1',
        title: 'Revenue by region',
        previousTitle: 'Revenue',
        change: 'changed',
        paths: ['charts/c1.json'],
      },
      {
        kind: 'chart',
        id: 'c2',
        title: 'Share of sales',
        change: 'removed',
        paths: ['charts/c2.json', 'charts/c2.png'],
      },
      { kind: 'table', id: 't2', title: 'Q4 by region', change: 'added', paths: ['tables/t2.csv'] },
    ]);
    expect(diff.artifacts.map(describeArtifactChange)).toEqual([
      'Chart "Revenue by region" changed (was "Revenue")',
      'Chart "Share of sales" removed',
      'Table "Q4 by region" added',
    ]);
  });

  it('describes each changed QC item by its text, naming evidence links by title', () => {
    const described = diff.qc.map((change) => describeQcChange(change, diff.evidenceTitles));
    expect(described).toEqual([
      {
        heading: '"Item a" changed',
        details: ['Result: fail → pass', 'Comment: "missing source" → "fixed"'],
      },
      { heading: '"Item new" added', details: ['Result: open'] },
      {
        heading: '"Item why" changed',
        details: ['Justification: "Client sent it late" → "The client sent Q4 data after the due date"'],
      },
      {
        heading: '"Item ev" changed',
        details: [
          'Evidence: Chart "Share of sales" → Chart "Revenue by region", Source "Retail census", e-mail of 3 March',
        ],
      },
      { heading: '"Item gone" removed', details: ['Was pass'] },
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

describe('naming the charts, tables and evidence of a version', () => {
  it('takes chart titles from charts/<id>.json before the manifest, and table names from the manifest', () => {
    const version = files({
      'manifest.json': manifest([
        { kind: 'chart', id: 'c1', title: 'Manifest title', path: 'charts/c1.png' },
        { kind: 'chart-spec', id: 'c1', title: 'Manifest title', path: 'charts/c1.json' },
        { kind: 'chart', id: 'c2', title: 'Only in the manifest', path: 'charts/c2.png' },
        { kind: 'table', id: 'v1', title: 'Q4 by region', path: 'tables/v1.csv' },
      ]),
      'charts/c1.json': chartJson('c1', 'Spec title'),
      'charts/c2.json': '{not json',
    });
    expect(Object.fromEntries(artifactTitles(version))).toEqual({
      'chart:c1': 'Spec title',
      'chart:c2': 'Only in the manifest',
      'table:v1': 'Q4 by region',
    });
    expect(evidenceTitles(version).get('view:v1')).toBe('Q4 by region');
  });

  it('names nothing from a version whose manifest does not read, and falls back to ids', () => {
    const version = files({ 'manifest.json': '[]', 'tables/v9.csv': 'x\n' });
    expect(artifactTitles(version).size).toBe(0);
    const change = diffVersions({ files: new Map(), checklist: null }, { files: version, checklist: null })
      .artifacts[0];
    expect(change && describeArtifactChange(change)).toBe('Table v9 added');
  });

  it('describes evidence links by kind and title, unknown links by a short id, free text as written', () => {
    const titles = new Map([['finding:f1', 'North leads']]);
    expect(describeEvidence('finding:f1', titles)).toBe('Finding "North leads"');
    expect(describeEvidence('view:0123456789abcdef', titles)).toBe('Table 01234567 (not in this version)');
    expect(describeEvidence('Signed e-mail, 3 March', titles)).toBe('Signed e-mail, 3 March');
  });

  it('says when a comment or justification was added or removed rather than diffing against nothing', () => {
    const change: QcItemChange = {
      itemId: 'x',
      text: 'Sources cited',
      change: 'changed',
      fields: ['comment', 'justification'],
      before: { result: 'fail', comment: '', justification: 'Late data', evidence: [] },
      after: { result: 'fail', comment: 'See annex', justification: '', evidence: [] },
    };
    expect(describeQcChange(change, new Map()).details).toEqual([
      'Comment added: "See annex"',
      'Justification removed (was "Late data")',
    ]);
  });
});
