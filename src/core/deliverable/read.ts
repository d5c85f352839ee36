import type { z } from 'zod';
import { createHash } from '../bagit';
import type { AuditEvent, Checklist, Signoffs, Task, TimeEntries } from '../package';
import {
  auditEventSchema,
  checkAuditChain,
  checkFrozenRecords,
  checklistSchema,
  signoffsSchema,
  taskSchema,
  timeEntriesSchema,
} from '../package';
import { deliverableDigest } from './assemble';
import {
  ANSWERS_PATH,
  AUDIT_LOG_PATH,
  CHECKLIST_PATH,
  DELIVERABLE_DIR,
  MANIFEST_PATH,
  REPORT_HTML_PATH,
  REPORT_MD_PATH,
  REPORT_PDF_PATH,
  SIGNOFFS_PATH,
  SOURCES_PATH,
  TASK_PATH,
  TIME_ENTRIES_PATH,
} from './layout';
import type { ChartDocument, DeliverableAnswer, DeliverableManifest, DeliverableSource } from './schemas';
import { answersDocumentSchema, chartDocumentSchema, manifestSchema, sourcesDocumentSchema } from './schemas';

/** What is wrong and where: the file (relative to data/) and, for JSON, the path inside it. */
export interface DeliverableProblem {
  file: string;
  path?: string;
  message: string;
}

export interface ReadDeliverable {
  manifest: DeliverableManifest;
  contentDigest: string;
  reportMarkdown: string;
  reportHtml: string;
  reportPdf?: Uint8Array;
  answers: DeliverableAnswer[];
  findings: { id?: string; title: string; path: string; markdown: string }[];
  charts: (ChartDocument & { png: Uint8Array })[];
  tables: { id: string; name: string; path: string; csv: string }[];
  sources: (DeliverableSource & { attachmentBytes?: Uint8Array })[];
  task?: Task;
  checklist?: Checklist;
  timeEntries?: TimeEntries;
  auditEvents?: AuditEvent[];
  signoffs?: Signoffs;
}

export type ReadDeliverableResult =
  { ok: true; deliverable: ReadDeliverable } | { ok: false; problems: DeliverableProblem[] };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];
const decoder = new TextDecoder('utf-8', { fatal: true });

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte);

/**
 * Parses a frozen deliverable back from payload files keyed relative to data/ (`deliverable/...`) or
 * as a bag keys them (`data/deliverable/...`). Every document is validated; every problem is
 * reported with its file and JSON path, and nothing is returned unless the whole deliverable reads.
 */
export function readDeliverable(input: ReadonlyMap<string, Uint8Array>): ReadDeliverableResult {
  const files = stripDataPrefix(input);
  const problems: DeliverableProblem[] = [];
  const problem = (file: string, message: string, path?: string): void => {
    problems.push({ file, message, ...(path !== undefined ? { path } : {}) });
  };

  const text = (file: string): string | undefined => {
    const bytes = files.get(file);
    if (!bytes) {
      problem(file, 'missing');
      return undefined;
    }
    try {
      return decoder.decode(bytes);
    } catch {
      problem(file, 'not UTF-8 text');
      return undefined;
    }
  };
  const document = <T>(file: string, schema: z.ZodType<T>, required: boolean): T | undefined => {
    if (!required && !files.has(file)) return undefined;
    const source = text(file);
    if (source === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      problem(file, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      problem(file, issue.message, issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)');
    }
    return undefined;
  };

  const manifest = document(MANIFEST_PATH, manifestSchema, true);
  const reportMarkdown = text(REPORT_MD_PATH);
  const reportHtml = text(REPORT_HTML_PATH);
  const reportPdf = files.get(REPORT_PDF_PATH);
  if (reportPdf && !startsWith(reportPdf, PDF_SIGNATURE)) problem(REPORT_PDF_PATH, 'not a PDF file');
  const answers = document(ANSWERS_PATH, answersDocumentSchema, true);
  const sourcesDocument = document(SOURCES_PATH, sourcesDocumentSchema, true);

  const findings: ReadDeliverable['findings'] = [];
  const charts: ReadDeliverable['charts'] = [];
  const tables: ReadDeliverable['tables'] = [];
  const listed = new Set<string>([MANIFEST_PATH]);
  for (const [index, item] of (manifest?.items ?? []).entries()) {
    listed.add(item.path);
    if (!files.has(item.path)) {
      problem(MANIFEST_PATH, `lists ${item.path}, which is not in the package`, `items.${index}.path`);
      continue;
    }
    if (item.kind === 'finding') {
      const markdown = text(item.path);
      if (markdown !== undefined)
        findings.push({ ...(item.id ? { id: item.id } : {}), title: item.title, path: item.path, markdown });
    } else if (item.kind === 'chart') {
      const png = files.get(item.path) ?? new Uint8Array();
      if (!startsWith(png, PNG_SIGNATURE)) problem(item.path, 'not a PNG image');
      const chart = document(item.path.replace(/\.png$/, '.json'), chartDocumentSchema, true);
      if (chart) charts.push({ ...chart, png });
    } else if (item.kind === 'table') {
      const csv = text(item.path);
      if (csv !== undefined)
        tables.push({ id: item.id ?? item.path, name: item.title, path: item.path, csv });
    }
  }
  for (const path of files.keys()) {
    if (path.startsWith(DELIVERABLE_DIR) && !listed.has(path))
      problem(path, 'is in the deliverable but not listed in deliverable/manifest.json');
  }

  const sources = (sourcesDocument?.sources ?? []).map((source, index) => {
    if (!source.attachment) return source;
    const where = `sources.${index}.attachment`;
    const bytes = files.get(source.attachment.path);
    if (!bytes) {
      problem(SOURCES_PATH, `attachment ${source.attachment.path} is not in the package`, `${where}.path`);
      return source;
    }
    const hash = createHash('sha256');
    hash.update(bytes);
    if (hash.digestHex() !== source.attachment.sha256)
      problem(source.attachment.path, 'does not match the SHA-256 recorded in deliverable/sources.json');
    return { ...source, attachmentBytes: bytes };
  });

  const task = document(TASK_PATH, taskSchema, false);
  const checklist = document(CHECKLIST_PATH, checklistSchema, false);
  const timeEntries = document(TIME_ENTRIES_PATH, timeEntriesSchema, false);
  const signoffs = document(SIGNOFFS_PATH, signoffsSchema, false);
  const auditEvents = readAuditLog(files, problem);
  if (manifest && task && manifest.taskId !== task.id)
    problem(MANIFEST_PATH, `is for task "${manifest.taskId}" but task.json is "${task.id}"`, 'taskId');
  // The documents outside deliverable/ must be the ones the manifest (and so the sign-offs) pins.
  if (manifest)
    for (const finding of checkFrozenRecords(files, { root: '' })) problem(finding.file, finding.message);

  if (
    problems.length > 0 ||
    !manifest ||
    reportMarkdown === undefined ||
    reportHtml === undefined ||
    !answers
  )
    return { ok: false, problems };
  return {
    ok: true,
    deliverable: {
      manifest,
      contentDigest: deliverableDigest(files),
      reportMarkdown,
      reportHtml,
      ...(reportPdf ? { reportPdf } : {}),
      answers: answers.answers,
      findings,
      charts,
      tables,
      sources,
      ...(task ? { task } : {}),
      ...(checklist ? { checklist } : {}),
      ...(timeEntries ? { timeEntries } : {}),
      ...(auditEvents ? { auditEvents } : {}),
      ...(signoffs ? { signoffs } : {}),
    },
  };
}

function stripDataPrefix(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const bagKeyed = [...files.keys()].some((path) => path.startsWith(`data/${DELIVERABLE_DIR}`));
  if (!bagKeyed) return new Map(files);
  const stripped = new Map<string, Uint8Array>();
  for (const [path, bytes] of files) if (path.startsWith('data/')) stripped.set(path.slice(5), bytes);
  return stripped;
}

function readAuditLog(
  files: ReadonlyMap<string, Uint8Array>,
  problem: (file: string, message: string, path?: string) => void,
): AuditEvent[] | undefined {
  const bytes = files.get(AUDIT_LOG_PATH);
  if (!bytes) return undefined;
  let source: string;
  try {
    source = decoder.decode(bytes);
  } catch {
    problem(AUDIT_LOG_PATH, 'not UTF-8 text');
    return undefined;
  }
  const events: AuditEvent[] = [];
  const lines = source.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1);
  for (const [index, line] of lines.entries()) {
    try {
      const parsed = auditEventSchema.safeParse(JSON.parse(line));
      if (parsed.success) events.push(parsed.data);
      else
        problem(AUDIT_LOG_PATH, `line ${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid event'}`);
    } catch {
      problem(AUDIT_LOG_PATH, `line ${index + 1}: not JSON`);
    }
  }
  for (const chainProblem of checkAuditChain(events))
    problem(AUDIT_LOG_PATH, `line ${chainProblem.line}: ${chainProblem.message}`);
  return events;
}
