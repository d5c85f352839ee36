import { answersDocumentSchema } from '../deliverable';
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
