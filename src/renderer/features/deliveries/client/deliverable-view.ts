import type {
  DeliverableEvidence,
  DeliverableProblem,
  DeliverableSource,
  ReportInput,
} from '@core/deliverable';
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

/** The parts of the deliverable view a reference can open. */
export type DeliverablePart = 'report' | 'charts' | 'tables' | 'sources';

/**
 * A link from an answer or a QC item to a chart, table (saved view), finding or source, named from
 * the frozen deliverable: the delivered part's own title, else the title recorded with the link.
 */
export interface EvidenceLink {
  kind: DeliverableEvidence['kind'];
  id: string;
  title: string;
  /**
   * Where the reader finds it: the part (tab) and, within it, the element's id. Findings are in
   * the report, which cannot be scrolled from outside. Null when the deliverable does not hold it.
   */
  target: { part: DeliverablePart; anchor?: string } | null;
}

/** The id of the element showing a chart, table or source in the deliverable view. */
export const evidenceAnchor = (kind: 'chart' | 'table' | 'source', id: string): string =>
  `deliverable-${kind}-${id}`;

/** A deliverable as the reviewer and client screens show it. */
export interface DeliverableView {
  /** The version this deliverable is (its manifest's). */
  version: number;
  title: string;
  client: string;
  questions: { number: number; text: string }[];
  reportMarkdown: string;
  reportHtml: string;
  reportPdf: Uint8Array | null;
  /** What the report was rendered from, for printing it; null where the package lacks a part of it. */
  reportInput: ReportInput | null;
  answers: Map<number, string>;
  /** Each answer's evidence, by question number, in the order the analyst linked it. */
  answerEvidence: Map<number, EvidenceLink[]>;
  /** The findings' titles by id, for naming references to them. */
  findingTitles: Map<string, string>;
  charts: { id: string; png: Uint8Array; title: string; caption: string }[];
  tables: { id: string; name: string; csv: Uint8Array }[];
  /** With the attached file's bytes, already checked against the SHA-256 in sources.json. */
  sources: (DeliverableSource & { attachmentBytes?: Uint8Array })[];
  checklist: Checklist | null;
  /**
   * The reviewer's verdicts on every version (packages from before this was so carry only the
   * approved version's); {@link verdictsOf} picks one version's.
   */
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

const KIND_NAMES: Readonly<Record<EvidenceLink['kind'], string>> = {
  chart: 'Chart',
  view: 'Table',
  finding: 'Finding',
  source: 'Source',
};

/** `Chart "Revenue by region"`: how a reference reads (and says so when the deliverable lacks it). */
export const evidenceLabel = (link: EvidenceLink): string =>
  `${KIND_NAMES[link.kind]} "${link.title}"${link.target ? '' : ' (not in this deliverable)'}`;

type EvidenceParts = Pick<DeliverableView, 'charts' | 'tables' | 'sources' | 'findingTitles'>;

/** A link to `kind:id`, named and located from the deliverable's own parts. */
export function evidenceLink(
  view: EvidenceParts,
  kind: EvidenceLink['kind'],
  id: string,
  recordedTitle?: string,
): EvidenceLink {
  const fallback = recordedTitle?.trim() || id.slice(0, 8);
  switch (kind) {
    case 'chart': {
      const chart = view.charts.find((c) => c.id === id);
      return chart
        ? { kind, id, title: chart.title, target: { part: 'charts', anchor: evidenceAnchor('chart', id) } }
        : { kind, id, title: fallback, target: null };
    }
    case 'view': {
      const table = view.tables.find((t) => t.id === id);
      return table
        ? { kind, id, title: table.name, target: { part: 'tables', anchor: evidenceAnchor('table', id) } }
        : { kind, id, title: fallback, target: null };
    }
    case 'source': {
      const source = view.sources.find((s) => s.id === id);
      return source
        ? { kind, id, title: source.title, target: { part: 'sources', anchor: evidenceAnchor('source', id) } }
        : { kind, id, title: fallback, target: null };
    }
    case 'finding': {
      const title = view.findingTitles.get(id);
      return title !== undefined
        ? { kind, id, title, target: { part: 'report' } }
        : { kind, id, title: fallback, target: null };
    }
  }
}

const EVIDENCE_KINDS: readonly EvidenceLink['kind'][] = ['chart', 'view', 'finding', 'source'];

/** A QC item's evidence entry: a link (`chart:<id>`, ...) as a named reference, free text as written. */
export function qcEvidence(view: EvidenceParts, entry: string): EvidenceLink | string {
  const trimmed = entry.trim();
  const colon = trimmed.indexOf(':');
  const kind = EVIDENCE_KINDS.find((k) => k === trimmed.slice(0, colon));
  const id = trimmed.slice(colon + 1);
  if (colon < 0 || kind === undefined || id === '' || /\s/.test(id)) return entry;
  return evidenceLink(view, kind, id);
}

/** The reviewer's verdicts on one version of the deliverable. */
export const verdictsOf = (view: Pick<DeliverableView, 'verdicts'>, version: number): QcVerdict[] =>
  view.verdicts.filter((verdict) => verdict.version === version);

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
  const parts: EvidenceParts = {
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
    findingTitles: new Map(
      deliverable.findings.flatMap((finding) => (finding.id ? [[finding.id, finding.title] as const] : [])),
    ),
  };
  return {
    ...parts,
    version: deliverable.manifest.version,
    title: task?.title ?? deliverable.manifest.taskTitle,
    client: task?.client ?? '',
    questions:
      task?.questions ?? deliverable.answers.map((a) => ({ number: a.questionNumber, text: a.question })),
    reportMarkdown: deliverable.reportMarkdown,
    reportHtml: deliverable.reportHtml,
    reportPdf: deliverable.reportPdf ?? null,
    reportInput: reportInputOf(deliverable),
    answers: new Map(deliverable.answers.map((a) => [a.questionNumber, a.text])),
    answerEvidence: new Map(
      deliverable.answers.map((a) => [
        a.questionNumber,
        a.evidence.map((ref) => evidenceLink(parts, ref.kind, ref.id, ref.title)),
      ]),
    ),
    checklist: deliverable.checklist ?? null,
    verdicts: readJsonDocument(files, QC_VERDICTS_FILE, qcVerdictsSchema)?.verdicts ?? [],
    reviewComments: reviewCommentsOf(files),
    time: deliverable.timeEntries ?? null,
    estimateHours: task?.estimateHours ?? null,
    events: deliverable.auditEvents ?? [],
    people,
  };
}
