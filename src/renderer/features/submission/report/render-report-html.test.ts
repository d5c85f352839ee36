import { describe, expect, it } from 'vitest';
import { sampleContent } from '@core/deliverable/fixtures.test-support';
import { makeKey } from '@core/package/fixtures.test-support';
import type { ReportInput } from '@core/deliverable';
import { assembleDeliverable, readDeliverable, reportInputOf } from '@core/deliverable';
import { renderReportHtml } from './render-report-html';

const keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };

function input(findingMarkdown: string): ReportInput {
  const content = sampleContent(keys);
  return { ...content, findings: [{ id: 'f1', title: 'North leads', markdown: findingMarkdown }] };
}

describe('renderReportHtml', () => {
  it('is one self-contained document: inline style, chart as data: image, no script', () => {
    const html = renderReportHtml(input('Growth:\n\n[Growth chart](kpo:chart/growth)\n'));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).toMatch(
      /<img src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="Figure 1: Growth by region"/,
    );
    expect(html).not.toMatch(/<script|<link|src="https?:/i);
    expect(html).toContain('Which region grew fastest?');
    expect(html).toContain('The north, by 12 %.');
  });

  it('resolves kpo: references: a chart or table on its own line inline, a source as a citation', () => {
    const html = renderReportHtml(
      input(
        '[Growth](kpo:chart/growth)\n\n[The table](kpo:view/v1)\n\nAs [the survey](kpo:source/s1) says.\n',
      ),
    );
    const finding = html.slice(html.indexOf('id="finding-f1"'), html.indexOf('id="charts"'));
    expect(finding).toContain('<figure class="chart"><img src="data:image/png;base64,');
    expect(finding).toContain('<caption>Table 1. Growth table</caption>');
    expect(finding).toContain('<td>north</td><td>0.12</td>');
    expect(finding).toContain('the survey <a class="citation" href="#source-s1">[1]</a>');
    expect(html).toContain('<li id="source-s1">');
  });

  it('names references that are not in the deliverable instead of dropping them', () => {
    const html = renderReportHtml(input('See [old chart](kpo:chart/gone).\n'));
    expect(html).toContain('old chart [chart not in this deliverable]');
  });

  it('neutralises raw HTML, javascript: links and remote images', () => {
    const html = renderReportHtml(
      input(
        '<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n![tracker](https://evil.example/t.png)\n\n<img src=x onerror=alert(1)>\n',
      ),
    );
    expect(html).not.toMatch(/<script|javascript:|onerror|evil\.example\/t\.png"/i);
    expect(html).toContain('[image not included: tracker]');
  });

  it('escapes the task title in <title>', () => {
    const content = input('x');
    const html = renderReportHtml({ ...content, task: { ...content.task, title: 'A </title><script>' } });
    expect(html).toContain('<title>A &lt;/title&gt;&lt;script&gt; — version 1</title>');
  });

  it('renders the same report again from a deliverable read back from its files (what a receiver prints)', () => {
    const content = sampleContent(keys);
    const html = renderReportHtml(content);
    const read = readDeliverable(assembleDeliverable({ ...content, reportHtml: html }));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const rebuilt = reportInputOf(read.deliverable);
    expect(rebuilt).not.toBeNull();
    expect(renderReportHtml(rebuilt ?? content)).toBe(html);
  });

  it('cannot rebuild the report input of a deliverable without its task', () => {
    const read = readDeliverable(assembleDeliverable(sampleContent(keys)));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    // readDeliverable itself refuses a version without the task.json its manifest records.
    const { task: _task, ...withoutTask } = read.deliverable;
    expect(reportInputOf(withoutTask)).toBeNull();
  });
});
