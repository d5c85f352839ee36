import { createHash } from '../bagit';
import { computeContentDigest, recordFrozenFiles, serializeAuditLog } from '../package';
import type { DeliverableContent } from './content';
import {
  ANSWERS_PATH,
  AUDIT_LOG_PATH,
  chartPngPath,
  chartSpecPath,
  CHECKLIST_PATH,
  findingPath,
  isSafeId,
  MANIFEST_PATH,
  REPORT_HTML_PATH,
  REPORT_MD_PATH,
  REPORT_PDF_PATH,
  safeFileName,
  SIGNOFFS_PATH,
  sourceFilePath,
  SOURCES_PATH,
  tablePath,
  TASK_PATH,
  TIME_ENTRIES_PATH,
} from './layout';
import type { DeliverableManifest, DeliverableSource, ManifestItem } from './schemas';
import { DELIVERABLE_FORMAT } from './schemas';

export class DeliverableAssemblyError extends Error {
  override name = 'DeliverableAssemblyError';
}

const encoder = new TextEncoder();
const json = (value: unknown): Uint8Array => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);

/**
 * The payload files of one frozen version, keyed relative to data/. Deterministic: the same content
 * gives the same bytes, so a version can be re-assembled (e.g. with sign-offs added) without its
 * content digest moving.
 */
export function assembleDeliverable(content: DeliverableContent): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const items: ManifestItem[] = [];
  const put = (path: string, bytes: Uint8Array, item?: Omit<ManifestItem, 'path'>): void => {
    if (files.has(path))
      throw new DeliverableAssemblyError(`two parts of the deliverable both write ${path}`);
    files.set(path, bytes);
    if (item) items.push({ path, ...item });
  };
  const requireId = (what: string, id: string): void => {
    if (!isSafeId(id)) throw new DeliverableAssemblyError(`${what} id "${id}" cannot be used in a file name`);
  };

  put(REPORT_MD_PATH, encoder.encode(content.reportMarkdown), { kind: 'report', title: 'Report (Markdown)' });
  put(REPORT_HTML_PATH, encoder.encode(content.reportHtml), { kind: 'report', title: 'Report (HTML)' });
  if (content.reportPdf) put(REPORT_PDF_PATH, content.reportPdf, { kind: 'report', title: 'Report (PDF)' });
  put(ANSWERS_PATH, json({ answers: content.answers }), { kind: 'answers', title: 'Answers' });

  content.findings.forEach((finding, index) => {
    put(findingPath(index, finding.title), encoder.encode(finding.markdown), {
      kind: 'finding',
      title: finding.title,
      id: finding.id,
    });
  });
  for (const chart of content.charts) {
    requireId('chart', chart.id);
    const { png, ...document } = chart;
    put(chartPngPath(chart.id), png, { kind: 'chart', title: chart.title, id: chart.id });
    put(chartSpecPath(chart.id), json(document), { kind: 'chart-spec', title: chart.title, id: chart.id });
  }
  for (const table of content.tables) {
    requireId('table', table.id);
    put(tablePath(table.id), encoder.encode(table.csv), { kind: 'table', title: table.name, id: table.id });
  }

  const sources: DeliverableSource[] = content.sources.map(({ attachment, ...source }) => {
    requireId('source', source.id);
    if (!attachment) return source;
    const fileName = safeFileName(attachment.fileName);
    const path = sourceFilePath(source.id, fileName);
    put(path, attachment.bytes, { kind: 'source-file', title: source.title, id: source.id });
    const hash = createHash('sha256');
    hash.update(attachment.bytes);
    return {
      ...source,
      attachment: {
        path,
        fileName,
        mediaType: attachment.mediaType,
        bytes: attachment.bytes.byteLength,
        sha256: hash.digestHex(),
      },
    };
  });
  put(SOURCES_PATH, json({ sources }), { kind: 'sources', title: 'Sources' });

  // Outside deliverable/, so the manifest records them for the sign-offs to cover.
  const frozen = new Map([
    [TASK_PATH, json(content.task)],
    [CHECKLIST_PATH, json(content.checklist)],
    [TIME_ENTRIES_PATH, json(content.timeEntries)],
  ]);
  const { auditHead, auditEvents } = content;
  if (auditHead && auditEvents && auditEvents[auditHead.events - 1]?.hash !== auditHead.hash) {
    throw new DeliverableAssemblyError(
      `the audit log does not contain the event the version was frozen after (event ${String(auditHead.events)})`,
    );
  }
  const manifest: DeliverableManifest = {
    format: DELIVERABLE_FORMAT,
    taskId: content.task.id,
    taskTitle: content.task.title,
    version: content.version,
    frozenAt: content.frozenAt,
    ...(content.analyst ? { analyst: content.analyst } : {}),
    items,
    records: recordFrozenFiles(frozen),
    ...(auditHead ? { auditHead } : {}),
  };
  put(MANIFEST_PATH, json(manifest));

  for (const [path, bytes] of frozen) put(path, bytes);
  if (auditEvents) put(AUDIT_LOG_PATH, encoder.encode(serializeAuditLog(auditEvents)));
  if (content.signoffs) put(SIGNOFFS_PATH, json(content.signoffs));
  return files;
}

/** The content digest a sign-off covers, for payload files keyed relative to data/. */
export function deliverableDigest(files: ReadonlyMap<string, Uint8Array>): string {
  return computeContentDigest(new Map([...files].map(([path, bytes]) => [`data/${path}`, bytes])));
}
