import { parseKpoUrl } from '../findings';
import { chartPngPath, tablePath } from './layout';
import type { ReportInput } from './content';
import { formatMinutes, qcSummary, timeSummary } from './summaries';

/** Points kpo: links at the deliverable's own files, so report.md reads beside the files it cites. */
export function rewriteKpoLinks(markdown: string): string {
  return markdown.replace(/\]\((kpo:[^)\s]+)\)/g, (whole, url: string) => {
    const link = parseKpoUrl(url);
    if (!link) return whole;
    if (link.kind === 'chart') return `](${chartPngPath(link.id).slice('deliverable/'.length)})`;
    if (link.kind === 'view') return `](${tablePath(link.id).slice('deliverable/'.length)})`;
    return '](#sources)';
  });
}

const line = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** report.md: the whole deliverable as one Markdown document (the HTML report is rendered separately). */
export function composeReportMarkdown(input: ReportInput): string {
  const { task } = input;
  const out: string[] = [];
  out.push(`# ${line(task.title)}`, '');
  out.push(`Client: ${line(task.client)}  `);
  if (input.analyst) out.push(`Analyst: ${line(input.analyst.name)}  `);
  out.push(`Version ${input.version}, frozen ${input.frozenAt}`, '');

  out.push('## Answers', '');
  for (const question of task.questions) {
    const answer = input.answers.find((a) => a.questionNumber === question.number);
    out.push(`### ${question.number}. ${line(question.text)}`, '');
    out.push(
      answer && answer.text.trim() !== '' ? rewriteKpoLinks(answer.text.trim()) : '_Not answered._',
      '',
    );
    if (answer && answer.evidence.length > 0) {
      out.push('Evidence:', '');
      for (const evidence of answer.evidence)
        out.push(`- ${evidence.kind}: ${line(evidence.title ?? evidence.id)}`);
      out.push('');
    }
  }

  if (input.findings.length > 0) {
    out.push('## Findings', '');
    for (const finding of input.findings) {
      out.push(`### ${line(finding.title)}`, '', rewriteKpoLinks(finding.markdown.trim()), '');
    }
  }
  if (input.charts.length > 0) {
    out.push('## Charts', '');
    for (const chart of input.charts) {
      const path = chartPngPath(chart.id).slice('deliverable/'.length);
      out.push(`### ${line(chart.title)}`, '', `![${line(chart.title)}](${path})`, '');
      if (chart.caption) out.push(line(chart.caption), '');
      if (chart.sourceNote) out.push(`Source: ${line(chart.sourceNote)}`, '');
    }
  }
  if (input.tables.length > 0) {
    out.push('## Tables', '');
    for (const table of input.tables)
      out.push(`- [${line(table.name)}](${tablePath(table.id).slice('deliverable/'.length)})`);
    out.push('');
  }
  if (input.sources.length > 0) {
    out.push('## Sources', '');
    input.sources.forEach((source, index) => {
      const parts = [source.author, source.url, source.accessed ? `accessed ${source.accessed}` : '']
        .map(line)
        .filter((part) => part !== '');
      out.push(`${index + 1}. ${line(source.title)}. ${parts.join(', ')}`);
    });
    out.push('');
  }

  const qc = qcSummary(input.checklist);
  out.push('## Quality control', '');
  out.push(
    `${qc.pass} passed, ${qc.fail} failed, ${qc.notApplicable} not applicable, ${qc.open} open of ${qc.total} items.`,
    '',
  );
  out.push('| Item | Severity | Result | Comment |', '| --- | --- | --- | --- |');
  for (const item of input.checklist.items) {
    const comment = [item.comment ?? '', item.justification ? `Justification: ${item.justification}` : '']
      .filter((part) => part.trim() !== '')
      .join(' ');
    out.push(`| ${cell(item.text)} | ${item.severity} | ${item.result} | ${cell(comment)} |`);
  }
  out.push('');

  const time = timeSummary(input.timeEntries, task.estimateHours);
  out.push('## Time', '');
  out.push(
    `${formatMinutes(time.totalMinutes)} logged against an estimate of ${formatMinutes(time.estimateMinutes)}.`,
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

const cell = (text: string): string => line(text).replace(/\|/g, '\\|');
