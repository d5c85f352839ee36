import type { ReportInput } from '@core/deliverable';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReportDocument } from './ReportDocument';
import { REPORT_CSS } from './report-css';

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The deliverable as one self-contained HTML file: inline styles, charts as data: images, no
 * scripts, nothing fetched. A CSP meta tag makes "no scripts, nothing remote" hold even if some
 * content slipped through.
 */
export function renderReportHtml(input: ReportInput): string {
  const body = renderToStaticMarkup(<ReportDocument input={input} />);
  const title = `${input.task.title} — version ${input.version}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
