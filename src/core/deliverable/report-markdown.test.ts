import { describe, expect, it } from 'vitest';
import { makeKey } from '../package/fixtures.test-support';
import { sampleContent } from './fixtures.test-support';
import { composeReportMarkdown, rewriteKpoLinks } from './report-markdown';

const keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };

describe('kpo: links', () => {
  it('points links at the deliverable’s own files', () => {
    expect(rewriteKpoLinks('[a](kpo:chart/c1) [b](kpo:view/v1) [c](kpo:source/s1) [d](https://x.org)')).toBe(
      '[a](charts/c1.png) [b](tables/v1.csv) [c](#sources) [d](https://x.org)',
    );
  });
});

describe('composeReportMarkdown', () => {
  it('has every section, with answers per question and QC and time summaries', () => {
    const markdown = composeReportMarkdown(sampleContent(keys));
    expect(markdown).toContain('# Regional sales drivers\n');
    expect(markdown).toContain('### 1. Which region grew fastest?\n\nThe north, by 12 %.');
    expect(markdown).toContain('- chart: Growth by region');
    expect(markdown).toContain('See [the chart](charts/growth.png).');
    expect(markdown).toContain('![Growth by region](charts/growth.png)');
    expect(markdown).toContain('- [Growth table](tables/v1.csv)');
    expect(markdown).toContain(
      '1. Retail survey. Stats Office, https://example.org/survey, accessed 2025-03-01',
    );
    expect(markdown).toContain('2 passed, 0 failed, 0 not applicable, 0 open of 2 items.');
    expect(markdown).toContain('1 h 30 min logged against an estimate of 12 h 00 min.');
  });

  it('marks an unanswered question', () => {
    const content = sampleContent(keys);
    const markdown = composeReportMarkdown({ ...content, answers: content.answers.slice(0, 1) });
    expect(markdown).toContain('### 2. What explains the drop in the south?\n\n_Not answered._');
  });
});
