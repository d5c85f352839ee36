import { z } from 'zod';
import {
  answersDocumentSchema,
  chartDocumentSchema,
  manifestItemSchema,
  sourcesDocumentSchema,
} from '../deliverable';
import { DELIVERABLE_PREFIX } from '../package';

/** Deliverable files keyed relative to data/deliverable/ (`report.md`, `charts/c1.png`, ...). */
export type DeliverableFiles = ReadonlyMap<string, Uint8Array>;

/**
 * The deliverable part of a package or stored submission. Accepts bag paths (`data/deliverable/x`)
 * or payload paths (`deliverable/x`), so both verified packages and SubmissionRecord files fit.
 */
export function deliverableFilesOf(files: Iterable<readonly [string, Uint8Array]>): Map<string, Uint8Array> {
  const result = new Map<string, Uint8Array>();
  const payloadPrefix = DELIVERABLE_PREFIX.slice('data/'.length);
  for (const [path, bytes] of files) {
    if (path.startsWith(DELIVERABLE_PREFIX)) result.set(path.slice(DELIVERABLE_PREFIX.length), bytes);
    else if (path.startsWith(payloadPrefix)) result.set(path.slice(payloadPrefix.length), bytes);
  }
  return result;
}

const decoder = new TextDecoder('utf-8', { fatal: false });
export const decodeText = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : decoder.decode(bytes);

/** answers.json as question number → answer text; a missing or malformed file yields no answers. */
export function readAnswers(files: DeliverableFiles): Map<number, string> {
  const text = decodeText(files.get('answers.json'));
  const answers = new Map<number, string>();
  if (text === undefined) return answers;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return answers;
  }
  const parsed = answersDocumentSchema.safeParse(value);
  if (!parsed.success) return answers;
  for (const answer of parsed.data.answers) answers.set(answer.questionNumber, answer.text);
  return answers;
}

export type ArtifactKind = 'chart' | 'table';

/** `charts/<id>.png|json` and `tables/<id>.csv` → kind and id; anything else is not an artifact. */
export function artifactOf(path: string): { kind: ArtifactKind; id: string } | null {
  const chart = /^charts\/([^/]+)\.(png|json)$/.exec(path);
  if (chart?.[1] !== undefined) return { kind: 'chart', id: chart[1] };
  const table = /^tables\/([^/]+)\.csv$/.exec(path);
  if (table?.[1] !== undefined) return { kind: 'table', id: table[1] };
  return null;
}

const DELIVERABLE_PAYLOAD_DIR = 'deliverable/';

function readJson(files: DeliverableFiles, path: string): unknown {
  const text = decodeText(files.get(path));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const manifestItemsSchema = z.looseObject({ items: z.array(z.unknown()) });

/**
 * What one version calls its charts and tables, by `chart:<id>` and `table:<id>` (ids as
 * {@link artifactOf} reads them from paths): a chart's title from `charts/<id>.json`, else from the
 * manifest; a table's name from `manifest.json`. Whatever does not read names nothing, so a caller
 * falls back to something else rather than failing.
 */
export function artifactTitles(files: DeliverableFiles): Map<string, string> {
  const titles = new Map<string, string>();
  const manifest = manifestItemsSchema.safeParse(readJson(files, 'manifest.json'));
  for (const raw of manifest.success ? manifest.data.items : []) {
    const item = manifestItemSchema.safeParse(raw);
    if (!item.success || item.data.title.trim() === '') continue;
    const artifact = artifactOf(item.data.path.slice(DELIVERABLE_PAYLOAD_DIR.length));
    if (artifact) titles.set(`${artifact.kind}:${artifact.id}`, item.data.title.trim());
  }
  for (const path of files.keys()) {
    const artifact = artifactOf(path);
    if (artifact?.kind !== 'chart' || !path.endsWith('.json')) continue;
    const chart = chartDocumentSchema.safeParse(readJson(files, path));
    if (chart.success && chart.data.title.trim() !== '')
      titles.set(`chart:${artifact.id}`, chart.data.title.trim());
  }
  return titles;
}

/**
 * The titles of what QC evidence and answers link to in one version (`chart:<id>`, `view:<id>`,
 * `finding:<id>`, `source:<id>`): charts and tables (a table is the saved view it was exported
 * from) as {@link artifactTitles} names them, findings from the manifest, sources from sources.json.
 */
export function evidenceTitles(files: DeliverableFiles): Map<string, string> {
  const titles = new Map<string, string>();
  for (const [key, title] of artifactTitles(files))
    titles.set(key.startsWith('table:') ? `view:${key.slice('table:'.length)}` : key, title);
  const manifest = manifestItemsSchema.safeParse(readJson(files, 'manifest.json'));
  for (const raw of manifest.success ? manifest.data.items : []) {
    const item = manifestItemSchema.safeParse(raw);
    if (item.success && item.data.kind === 'finding' && item.data.id && item.data.title.trim() !== '')
      titles.set(`finding:${item.data.id}`, item.data.title.trim());
  }
  const sources = sourcesDocumentSchema.safeParse(readJson(files, 'sources.json'));
  for (const source of sources.success ? sources.data.sources : [])
    if (source.title.trim() !== '') titles.set(`source:${source.id}`, source.title.trim());
  return titles;
}

const EVIDENCE_LINK = /^(chart|view|finding|source):(.+)$/;
const EVIDENCE_KIND_NAMES: Readonly<Record<string, string>> = {
  chart: 'Chart',
  view: 'Table',
  finding: 'Finding',
  source: 'Source',
};

/**
 * A QC evidence entry for a reader: a link as `Chart "Revenue by region"` (or with a short id when
 * no version names it); anything else is free text and is shown as written.
 */
export function describeEvidence(entry: string, titles: ReadonlyMap<string, string>): string {
  const link = EVIDENCE_LINK.exec(entry.trim());
  if (!link?.[1] || !link[2]) return entry;
  const kind = EVIDENCE_KIND_NAMES[link[1]] ?? link[1];
  const title = titles.get(`${link[1]}:${link[2]}`);
  return title !== undefined ? `${kind} "${title}"` : `${kind} ${link[2].slice(0, 8)} (not in this version)`;
}
