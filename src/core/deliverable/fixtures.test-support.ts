// Test-only: a small but complete deliverable (every part present), built from core fixtures.
import type { TestKey } from '../package/fixtures.test-support';
import { sampleTask, text } from '../package/fixtures.test-support';
import type { DeliverableContent } from './content';

/** The 8-byte PNG signature and an IEND chunk: enough for readers that check the file type. */
export const TINY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

export function sampleContent(keys: {
  coordinator: TestKey;
  analyst: TestKey;
  reviewer: TestKey;
}): DeliverableContent {
  const task = sampleTask(keys.coordinator, keys.analyst, keys.reviewer);
  return {
    task,
    version: 1,
    frozenAt: '2025-03-03T09:30:00.000Z',
    analyst: { name: 'Ada Analyst', keyId: keys.analyst.keyId },
    answers: [
      {
        questionNumber: 1,
        question: 'Which region grew fastest?',
        text: 'The north, by 12 %.',
        evidence: [{ kind: 'chart', id: 'growth', title: 'Growth by region' }],
      },
      {
        questionNumber: 2,
        question: 'What explains the drop in the south?',
        text: 'Fewer orders.',
        evidence: [],
      },
    ],
    findings: [
      {
        id: 'f1',
        title: 'North leads growth',
        markdown: 'See [the chart](kpo:chart/growth).\n\n[table](kpo:view/v1)\n',
      },
      { id: 'f2', title: 'South: orders fell', markdown: 'Per [the survey](kpo:source/s1).\n' },
    ],
    charts: [
      {
        id: 'growth',
        title: 'Growth by region',
        caption: 'Q4 over Q3.',
        sourceNote: 'Q4 sales dataset',
        spec: { type: 'bar', viewId: 'v1' },
        png: TINY_PNG,
      },
    ],
    tables: [{ id: 'v1', name: 'Growth table', csv: 'region,growth\r\nnorth,0.12\r\n' }],
    sources: [
      {
        id: 's1',
        title: 'Retail survey',
        author: 'Stats Office',
        url: 'https://example.org/survey',
        accessed: '2025-03-01',
        notes: '',
        attachment: { fileName: 'survey.pdf', mediaType: 'application/pdf', bytes: text('%PDF-1.4 survey') },
      },
      {
        id: 's2',
        title: 'Interview notes',
        author: 'Ada',
        url: '',
        accessed: '',
        notes: 'Call with store manager',
      },
    ],
    reportMarkdown: '# Report\n',
    reportHtml: '<!doctype html><title>Report</title>',
    reportPdf: text('%PDF-1.7 report'),
    checklist: {
      items: task.checklist.items.map((item) => ({ ...item, result: 'pass' as const })),
    },
    timeEntries: {
      entries: [
        { id: 't1', person: keys.analyst.keyId, date: '2025-03-02', minutes: 90, activity: 'analysis' },
      ],
    },
  };
}
