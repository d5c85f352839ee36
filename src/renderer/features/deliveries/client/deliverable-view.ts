import type { DeliverableProblem, DeliverableSource } from '@core/deliverable';
import { readDeliverable } from '@core/deliverable';
import type { AuditEvent, Checklist, TimeEntries } from '@core/package';
import type { QcVerdict, ReviewThreadComment } from '@core/review';
import {
  QC_VERDICTS_FILE,
  qcVerdictsSchema,
  readJsonDocument,
  REVIEW_THREADS_FILE,
  reviewThreadsSchema,
} from '@core/review';

/** A deliverable as the reviewer and client screens show it. */
export interface DeliverableView {
  title: string;
  client: string;
  questions: { number: number; text: string }[];
  reportMarkdown: string;
  reportHtml: string;
  reportPdf: Uint8Array | null;
  answers: Map<number, string>;
  charts: { id: string; png: Uint8Array; caption: string }[];
  tables: { id: string; csv: Uint8Array }[];
  /** With the attached file's bytes, already checked against the SHA-256 in sources.json. */
  sources: (DeliverableSource & { attachmentBytes?: Uint8Array })[];
  checklist: Checklist | null;
  verdicts: QcVerdict[];
  reviewHistory: ReviewThreadComment[];
  time: TimeEntries | null;
  events: AuditEvent[];
}

const describe = (problem: DeliverableProblem): string =>
  `${problem.file}${problem.path === undefined ? '' : ` at ${problem.path}`}: ${problem.message}`;

/**
 * Reads a verified package's deliverable with core/deliverable's reader, the one the submission
 * feature writes with, so analyst, reviewer and client agree on the layout. Throws naming every
 * file (and JSON path) that does not read.
 */
export function deliverableView(files: ReadonlyMap<string, Uint8Array>): DeliverableView {
  const read = readDeliverable(files);
  if (!read.ok) {
    throw new Error(`The deliverable does not read: ${read.problems.map(describe).join('; ')}.`);
  }
  const { deliverable } = read;
  const encoder = new TextEncoder();
  const { task } = deliverable;
  return {
    title: task?.title ?? deliverable.manifest.taskTitle,
    client: task?.client ?? '',
    questions:
      task?.questions ?? deliverable.answers.map((a) => ({ number: a.questionNumber, text: a.question })),
    reportMarkdown: deliverable.reportMarkdown,
    reportHtml: deliverable.reportHtml,
    reportPdf: deliverable.reportPdf ?? null,
    answers: new Map(deliverable.answers.map((a) => [a.questionNumber, a.text])),
    charts: deliverable.charts.map((chart) => ({
      id: chart.id,
      png: chart.png,
      caption: chart.caption || chart.title,
    })),
    tables: deliverable.tables.map((table) => ({ id: table.id, csv: encoder.encode(table.csv) })),
    sources: deliverable.sources,
    checklist: deliverable.checklist ?? null,
    verdicts: readJsonDocument(files, QC_VERDICTS_FILE, qcVerdictsSchema)?.verdicts ?? [],
    reviewHistory: readJsonDocument(files, REVIEW_THREADS_FILE, reviewThreadsSchema)?.comments ?? [],
    time: deliverable.timeEntries ?? null,
    events: deliverable.auditEvents ?? [],
  };
}
