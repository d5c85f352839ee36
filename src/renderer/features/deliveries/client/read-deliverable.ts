import type { AuditEvent, Checklist, TimeEntries } from '@core/package';
import { CHECKLIST_FILE, checklistSchema, TIME_ENTRIES_FILE, timeEntriesSchema } from '@core/package';
import type { QcVerdict, ReviewThreadComment } from '@core/review';
import {
  artifactOf,
  deliverableFilesOf,
  QC_VERDICTS_FILE,
  qcVerdictsSchema,
  readAnswers,
  readJsonDocument,
  REVIEW_THREADS_FILE,
  reviewThreadsSchema,
} from '@core/review';
import { z } from 'zod';
import { packageEvents, packageTask } from '../../review/package-contents';

const sourcesSchema = z.object({
  sources: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      author: z.string().optional(),
      url: z.string().optional(),
      accessed: z.string().optional(),
    }),
  ),
});

export interface ReadDeliverable {
  title: string;
  client: string;
  questions: { number: number; text: string }[];
  reportMarkdown: string | null;
  reportHtml: Uint8Array | null;
  reportPdf: Uint8Array | null;
  answers: Map<number, string>;
  charts: { id: string; png: Uint8Array | null; caption: string }[];
  tables: { id: string; csv: Uint8Array }[];
  sources: z.infer<typeof sourcesSchema>['sources'];
  checklist: Checklist | null;
  verdicts: QcVerdict[];
  reviewHistory: ReviewThreadComment[];
  time: TimeEntries | null;
  events: AuditEvent[];
}

const decode = (bytes: Uint8Array | undefined): string | null =>
  bytes ? new TextDecoder().decode(bytes) : null;

function chartCaption(spec: Uint8Array | undefined, id: string): string {
  try {
    const parsed = JSON.parse(decode(spec) ?? '{}') as { caption?: unknown; title?: unknown };
    if (typeof parsed.caption === 'string') return parsed.caption;
    if (typeof parsed.title === 'string') return parsed.title;
  } catch {
    // A chart without a readable spec still shows its image, named by id.
  }
  return `Chart ${id}`;
}

// TODO(integrate): use core/deliverable readDeliverable once the submit helper's module is merged;
// this reads the DESIGN.md §5 layout directly.
export function readDeliverable(files: ReadonlyMap<string, Uint8Array>): ReadDeliverable {
  const task = packageTask(files);
  const deliverable = deliverableFilesOf(files);
  const chartIds = new Set<string>();
  const tables: ReadDeliverable['tables'] = [];
  for (const [path, bytes] of deliverable) {
    const artifact = artifactOf(path);
    if (artifact?.kind === 'chart') chartIds.add(artifact.id);
    if (artifact?.kind === 'table') tables.push({ id: artifact.id, csv: bytes });
  }
  return {
    title: task.title,
    client: task.client,
    questions: task.questions,
    reportMarkdown: decode(deliverable.get('report.md')),
    reportHtml: deliverable.get('report.html') ?? null,
    reportPdf: deliverable.get('report.pdf') ?? null,
    answers: readAnswers(deliverable),
    charts: [...chartIds].sort().map((id) => ({
      id,
      png: deliverable.get(`charts/${id}.png`) ?? null,
      caption: chartCaption(deliverable.get(`charts/${id}.json`), id),
    })),
    tables: tables.sort((a, b) => a.id.localeCompare(b.id)),
    sources: readJsonDocument(files, 'data/deliverable/sources.json', sourcesSchema)?.sources ?? [],
    checklist: readJsonDocument(files, CHECKLIST_FILE, checklistSchema) ?? null,
    verdicts: readJsonDocument(files, QC_VERDICTS_FILE, qcVerdictsSchema)?.verdicts ?? [],
    reviewHistory: readJsonDocument(files, REVIEW_THREADS_FILE, reviewThreadsSchema)?.comments ?? [],
    time: readJsonDocument(files, TIME_ENTRIES_FILE, timeEntriesSchema) ?? null,
    events: packageEvents(files),
  };
}
