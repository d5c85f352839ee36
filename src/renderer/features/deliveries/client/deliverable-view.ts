import type { DeliverableProblem, DeliverableSource, ReportInput } from '@core/deliverable';
import { readDeliverable, reportInputOf } from '@core/deliverable';
import type { AuditEvent, Checklist, ReviewComments, TimeEntries } from '@core/package';
import { reviewCommentsSchema } from '@core/package';
import type { HistoryComment, QcVerdict } from '@core/review';
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
  /** What the report was rendered from, for printing it; null where the package lacks a part of it. */
  reportInput: ReportInput | null;
  answers: Map<number, string>;
  charts: { id: string; png: Uint8Array; title: string; caption: string }[];
  tables: { id: string; name: string; csv: Uint8Array }[];
  /** With the attached file's bytes, already checked against the SHA-256 in sources.json. */
  sources: (DeliverableSource & { attachmentBytes?: Uint8Array })[];
  checklist: Checklist | null;
  verdicts: QcVerdict[];
  /** Every review comment on every version (review/threads.json, else the plainer comments.json). */
  reviewComments: HistoryComment[];
  time: TimeEntries | null;
  estimateHours: number | null;
  events: AuditEvent[];
  /** Who the package names, by key id: the task's people and the signers of its sign-offs. */
  people: { keyId: string; name: string }[];
}

const REVIEW_COMMENTS_FILE = 'data/review/comments.json';

const describe = (problem: DeliverableProblem): string =>
  `${problem.file}${problem.path === undefined ? '' : ` at ${problem.path}`}: ${problem.message}`;

/** comments.json (the core format other tools read) has no versions or threads; targets are mapped where they can be. */
function fromPackageComments(document: ReviewComments): HistoryComment[] {
  return document.comments.map((comment) => ({
    id: comment.id,
    target:
      comment.target?.checklistItem !== undefined && comment.target.checklistItem !== ''
        ? `qc:${comment.target.checklistItem}`
        : 'report',
    version: null,
    author: comment.author,
    body: comment.body,
    at: comment.at,
    resolved: comment.resolved,
  }));
}

function reviewCommentsOf(files: ReadonlyMap<string, Uint8Array>): HistoryComment[] {
  const threads = readJsonDocument(files, REVIEW_THREADS_FILE, reviewThreadsSchema);
  if (threads) return threads.comments;
  const plain = readJsonDocument(files, REVIEW_COMMENTS_FILE, reviewCommentsSchema);
  return plain ? fromPackageComments(plain) : [];
}

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
  const people = [
    ...(task
      ? [task.people.coordinator, task.people.analyst, task.people.reviewer].flatMap((person) =>
          person ? [{ keyId: person.keyId, name: person.name }] : [],
        )
      : []),
    ...(deliverable.manifest.analyst ? [deliverable.manifest.analyst] : []),
    ...(deliverable.signoffs?.signoffs ?? []).map((signoff) => signoff.signer),
  ];
  return {
    title: task?.title ?? deliverable.manifest.taskTitle,
    client: task?.client ?? '',
    questions:
      task?.questions ?? deliverable.answers.map((a) => ({ number: a.questionNumber, text: a.question })),
    reportMarkdown: deliverable.reportMarkdown,
    reportHtml: deliverable.reportHtml,
    reportPdf: deliverable.reportPdf ?? null,
    reportInput: reportInputOf(deliverable),
    answers: new Map(deliverable.answers.map((a) => [a.questionNumber, a.text])),
    charts: deliverable.charts.map((chart) => ({
      id: chart.id,
      png: chart.png,
      title: chart.title,
      caption: chart.caption || chart.title,
    })),
    tables: deliverable.tables.map((table) => ({
      id: table.id,
      name: table.name,
      // The bytes as delivered (a byte-order mark included), so the download is the file byte for byte.
      csv: files.get(`data/${table.path}`) ?? files.get(table.path) ?? encoder.encode(table.csv),
    })),
    sources: deliverable.sources,
    checklist: deliverable.checklist ?? null,
    verdicts: readJsonDocument(files, QC_VERDICTS_FILE, qcVerdictsSchema)?.verdicts ?? [],
    reviewComments: reviewCommentsOf(files),
    time: deliverable.timeEntries ?? null,
    estimateHours: task?.estimateHours ?? null,
    events: deliverable.auditEvents ?? [],
    people,
  };
}
