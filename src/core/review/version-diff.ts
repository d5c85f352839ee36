import { diffLines } from 'diff';
import { createHash } from '../bagit';
import type { Checklist } from '../package';
import type { ArtifactKind, DeliverableFiles } from './deliverable-files';
import {
  artifactOf,
  artifactTitles,
  decodeText,
  describeEvidence,
  evidenceTitles,
  readAnswers,
} from './deliverable-files';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface TextDiff {
  changed: boolean;
  parts: DiffPart[];
}

export interface AnswerDiff extends TextDiff {
  questionNumber: number;
}

/** What the analyst recorded on one QC item in one version. */
export interface QcItemState {
  result: string;
  comment: string;
  justification: string;
  evidence: string[];
}

export type QcItemField = 'result' | 'comment' | 'justification' | 'evidence';

export interface QcItemChange {
  itemId: string;
  /** The item's text in the later version (or the earlier one, for a removed item). */
  text: string;
  change: 'added' | 'removed' | 'changed';
  /** For a changed item, which of its fields differ, in this order. */
  fields: QcItemField[];
  before?: QcItemState;
  after?: QcItemState;
}

export interface ArtifactChange {
  kind: ArtifactKind;
  id: string;
  /**
   * The chart's title or the table's name as the later version has it (the earlier one's for a
   * removed artifact); absent when neither version names it.
   */
  title?: string;
  /** The earlier version's title, when the artifact was renamed. */
  previousTitle?: string;
  change: 'added' | 'removed' | 'changed';
  /** The files of this chart or table that differ (added, removed or edited). */
  paths: string[];
}

export interface VersionDiff {
  report: TextDiff;
  answers: AnswerDiff[];
  qc: QcItemChange[];
  artifacts: ArtifactChange[];
  /**
   * What evidence links (`chart:<id>`, `source:<id>`, ...) are called in either version, the later
   * version's title winning: for naming the evidence of changed QC items.
   */
  evidenceTitles: ReadonlyMap<string, string>;
}

export interface DeliverableVersionInput {
  files: DeliverableFiles;
  checklist: Checklist | null;
}

export function diffText(before: string, after: string): TextDiff {
  const parts: DiffPart[] = diffLines(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
  return { changed: parts.some((part) => part.kind !== 'same'), parts };
}

/**
 * The diff one line per entry, for display: a part holds whole lines ending in a newline, and
 * splitting naively would show a phantom empty line after each part (or a marker with no line).
 */
export function diffDisplayLines(diff: TextDiff): DiffPart[] {
  return diff.parts.flatMap((part) => {
    const lines = part.text.split('\n');
    if (part.text.endsWith('\n')) lines.pop();
    return lines.map((text) => ({ kind: part.kind, text }));
  });
}

/** What changed from one submitted version to the next, for the reviewer's "since version N". */
export function diffVersions(before: DeliverableVersionInput, after: DeliverableVersionInput): VersionDiff {
  return {
    report: diffText(
      decodeText(before.files.get('report.md')) ?? '',
      decodeText(after.files.get('report.md')) ?? '',
    ),
    answers: diffAnswers(before.files, after.files),
    qc: diffChecklists(before.checklist, after.checklist),
    artifacts: diffArtifacts(before.files, after.files),
    evidenceTitles: new Map([...evidenceTitles(before.files), ...evidenceTitles(after.files)]),
  };
}

function diffAnswers(before: DeliverableFiles, after: DeliverableFiles): AnswerDiff[] {
  const old = readAnswers(before);
  const next = readAnswers(after);
  const numbers = [...new Set([...old.keys(), ...next.keys()])].sort((a, b) => a - b);
  return numbers.map((questionNumber) => ({
    questionNumber,
    ...diffText(old.get(questionNumber) ?? '', next.get(questionNumber) ?? ''),
  }));
}

const QC_FIELDS: readonly QcItemField[] = ['result', 'comment', 'justification', 'evidence'];

function qcState(item: Checklist['items'][number]): QcItemState {
  return {
    result: item.result,
    comment: item.comment ?? '',
    justification: item.justification ?? '',
    evidence: item.evidence ?? [],
  };
}

function changedFields(before: QcItemState, after: QcItemState): QcItemField[] {
  return QC_FIELDS.filter((field) =>
    field === 'evidence'
      ? before.evidence.join('\n') !== after.evidence.join('\n')
      : before[field] !== after[field],
  );
}

function diffChecklists(before: Checklist | null, after: Checklist | null): QcItemChange[] {
  const old = new Map((before?.items ?? []).map((item) => [item.id, item]));
  const next = new Map((after?.items ?? []).map((item) => [item.id, item]));
  const changes: QcItemChange[] = [];
  for (const [id, item] of next) {
    const previous = old.get(id);
    if (!previous) {
      changes.push({ itemId: id, text: item.text, change: 'added', fields: [], after: qcState(item) });
      continue;
    }
    const fields = changedFields(qcState(previous), qcState(item));
    if (fields.length > 0)
      changes.push({
        itemId: id,
        text: item.text,
        change: 'changed',
        fields,
        before: qcState(previous),
        after: qcState(item),
      });
  }
  for (const [id, item] of old) {
    if (!next.has(id))
      changes.push({ itemId: id, text: item.text, change: 'removed', fields: [], before: qcState(item) });
  }
  return changes;
}

function diffArtifacts(before: DeliverableFiles, after: DeliverableFiles): ArtifactChange[] {
  const hashes = (files: DeliverableFiles): Map<string, string> => {
    const result = new Map<string, string>();
    for (const [path, bytes] of files) if (artifactOf(path)) result.set(path, sha256Hex(bytes));
    return result;
  };
  const old = hashes(before);
  const next = hashes(after);
  const byArtifact = new Map<string, ArtifactChange & { inOld: boolean; inNew: boolean }>();
  for (const path of new Set([...old.keys(), ...next.keys()])) {
    const artifact = artifactOf(path);
    if (!artifact) continue;
    const key = `${artifact.kind}:${artifact.id}`;
    const entry = byArtifact.get(key) ?? {
      ...artifact,
      change: 'changed',
      paths: [],
      inOld: false,
      inNew: false,
    };
    entry.inOld ||= old.has(path);
    entry.inNew ||= next.has(path);
    if (old.get(path) !== next.get(path)) entry.paths.push(path);
    byArtifact.set(key, entry);
  }
  const oldTitles = artifactTitles(before);
  const newTitles = artifactTitles(after);
  return [...byArtifact.values()]
    .filter((entry) => entry.paths.length > 0)
    .map(({ inOld, inNew, ...entry }): ArtifactChange => {
      const key = `${entry.kind}:${entry.id}`;
      const previousTitle = oldTitles.get(key);
      const title = newTitles.get(key) ?? previousTitle;
      return {
        ...entry,
        ...(title !== undefined ? { title } : {}),
        ...(previousTitle !== undefined && title !== previousTitle ? { previousTitle } : {}),
        change: !inOld ? 'added' : !inNew ? 'removed' : 'changed',
        paths: entry.paths.sort(),
      };
    })
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        (a.title ?? a.id).localeCompare(b.title ?? b.id) ||
        a.id.localeCompare(b.id),
    );
}

function sha256Hex(bytes: Uint8Array): string {
  const hash = createHash('sha256');
  hash.update(bytes);
  return hash.digestHex();
}

const KIND_NAMES: Readonly<Record<ArtifactKind, string>> = { chart: 'Chart', table: 'Table' };

const RESULT_NAMES: Readonly<Record<string, string>> = {
  open: 'open',
  pass: 'pass',
  fail: 'fail',
  'not-applicable': 'not applicable',
};
const resultName = (result: string): string => RESULT_NAMES[result] ?? result;

/**
 * One line for a reader: `Chart "Revenue by region" added`, `Table "Q4 by region" changed`,
 * `Chart "Sales" changed (was "Revenue")`. An artifact neither version names is called by its id.
 */
export function describeArtifactChange(change: ArtifactChange): string {
  const name =
    change.title !== undefined
      ? `${KIND_NAMES[change.kind]} "${change.title}"`
      : `${KIND_NAMES[change.kind]} ${change.id}`;
  const renamed = change.previousTitle !== undefined ? ` (was "${change.previousTitle}")` : '';
  return `${name} ${change.change}${renamed}`;
}

function describeText(label: string, before: string, after: string): string {
  if (before === '') return `${label} added: "${after}"`;
  if (after === '') return `${label} removed (was "${before}")`;
  return `${label}: "${before}" → "${after}"`;
}

/**
 * A QC item's change for a reader: a heading naming the item by its text, and one line per field
 * that changed (result, comment, justification, evidence, with evidence links named by title).
 */
export function describeQcChange(
  change: QcItemChange,
  titles: ReadonlyMap<string, string>,
): { heading: string; details: string[] } {
  const heading = `"${change.text}" ${change.change}`;
  const evidence = (list: readonly string[]): string =>
    list.length === 0 ? 'none' : list.map((entry) => describeEvidence(entry, titles)).join(', ');
  const { before, after } = change;
  if (change.change !== 'changed' || !before || !after) {
    const state = after ?? before;
    if (!state) return { heading, details: [] };
    const prefix = change.change === 'removed' ? 'Was ' : 'Result: ';
    return {
      heading,
      details: [
        `${prefix}${resultName(state.result)}`,
        ...(state.comment ? [`Comment: "${state.comment}"`] : []),
        ...(state.justification ? [`Justification: "${state.justification}"`] : []),
        ...(state.evidence.length > 0 ? [`Evidence: ${evidence(state.evidence)}`] : []),
      ],
    };
  }
  const details = change.fields.map((field) => {
    switch (field) {
      case 'result':
        return `Result: ${resultName(before.result)} → ${resultName(after.result)}`;
      case 'comment':
        return describeText('Comment', before.comment, after.comment);
      case 'justification':
        return describeText('Justification', before.justification, after.justification);
      case 'evidence':
        return `Evidence: ${evidence(before.evidence)} → ${evidence(after.evidence)}`;
    }
  });
  return { heading, details };
}
