/**
 * Where each part of a frozen deliverable lives inside a package's data/ directory (DESIGN.md §5).
 * Paths here are relative to data/, as package payload maps and SubmissionRecord.files key them.
 */
export const DELIVERABLE_DIR = 'deliverable/';
export const MANIFEST_PATH = 'deliverable/manifest.json';
export const REPORT_MD_PATH = 'deliverable/report.md';
export const REPORT_HTML_PATH = 'deliverable/report.html';
export const REPORT_PDF_PATH = 'deliverable/report.pdf';
export const ANSWERS_PATH = 'deliverable/answers.json';
export const SOURCES_PATH = 'deliverable/sources.json';

export const TASK_PATH = 'task.json';
export const CHECKLIST_PATH = 'qc/checklist.json';
export const TIME_ENTRIES_PATH = 'time/entries.json';
export const AUDIT_LOG_PATH = 'audit/events.jsonl';
export const SIGNOFFS_PATH = 'signoffs.json';

/** Ids become path segments, so they are kept to characters that are safe in every file system. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id) && !id.includes('..');
}

/**
 * A file-name-safe, lower-case slug of a title ("Q4: Sales & margin" → "q4-sales-margin"), or
 * `fallback` when nothing of the title survives (a title in another script, or only symbols).
 */
export function slugify(title: string, fallback = 'finding'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? fallback : slug;
}

export const findingPath = (index: number, title: string): string =>
  `deliverable/findings/${String(index + 1).padStart(2, '0')}-${slugify(title)}.md`;
export const chartPngPath = (id: string): string => `deliverable/charts/${id}.png`;
export const chartSpecPath = (id: string): string => `deliverable/charts/${id}.json`;
export const tablePath = (id: string): string => `deliverable/tables/${id}.csv`;
export const sourceFilePath = (id: string, fileName: string): string =>
  `deliverable/sources/${id}/${fileName}`;

/** A bare attachment name kept readable but safe as one path segment. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/^[. ]+/, '')
    .slice(0, 120);
  return cleaned === '' ? 'attachment' : cleaned;
}
