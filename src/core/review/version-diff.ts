import { diffLines } from 'diff';
import { createHash } from '../bagit';
import type { Checklist } from '../package';
import type { ArtifactKind, DeliverableFiles } from './deliverable-files';
import { artifactOf, decodeText, readAnswers } from './deliverable-files';

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

export interface QcItemChange {
  itemId: string;
  text: string;
  change: 'added' | 'removed' | 'changed';
  before?: { result: string; comment: string };
  after?: { result: string; comment: string };
}

export interface ArtifactChange {
  kind: ArtifactKind;
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** The files of this chart or table that differ (added, removed or edited). */
  paths: string[];
}

export interface VersionDiff {
  report: TextDiff;
  answers: AnswerDiff[];
  qc: QcItemChange[];
  artifacts: ArtifactChange[];
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

function diffChecklists(before: Checklist | null, after: Checklist | null): QcItemChange[] {
  const old = new Map((before?.items ?? []).map((item) => [item.id, item]));
  const next = new Map((after?.items ?? []).map((item) => [item.id, item]));
  const changes: QcItemChange[] = [];
  const state = (item: {
    result: string;
    comment?: string | undefined;
  }): { result: string; comment: string } => ({
    result: item.result,
    comment: item.comment ?? '',
  });
  for (const [id, item] of next) {
    const previous = old.get(id);
    if (!previous) {
      changes.push({ itemId: id, text: item.text, change: 'added', after: state(item) });
    } else if (previous.result !== item.result || (previous.comment ?? '') !== (item.comment ?? '')) {
      changes.push({
        itemId: id,
        text: item.text,
        change: 'changed',
        before: state(previous),
        after: state(item),
      });
    }
  }
  for (const [id, item] of old) {
    if (!next.has(id)) changes.push({ itemId: id, text: item.text, change: 'removed', before: state(item) });
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
  return [...byArtifact.values()]
    .filter((entry) => entry.paths.length > 0)
    .map(({ inOld, inNew, ...entry }): ArtifactChange => ({
      ...entry,
      change: !inOld ? 'added' : !inNew ? 'removed' : 'changed',
      paths: entry.paths.sort(),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

function sha256Hex(bytes: Uint8Array): string {
  const hash = createHash('sha256');
  hash.update(bytes);
  return hash.digestHex();
}
