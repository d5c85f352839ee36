/**
 * What a review comment is about, as stored in its `target` string: `section:<heading>` (a report
 * section; the n-th section with the same heading gets ` #n`), `answer:<n>`, `chart:<id>`,
 * `table:<id>`, `qc:<itemId>` or `report`.
 */
export type ReviewTarget =
  | { kind: 'section'; heading: string; occurrence: number }
  | { kind: 'answer'; questionNumber: number }
  | { kind: 'chart'; id: string }
  | { kind: 'table'; id: string }
  | { kind: 'qc'; itemId: string }
  | { kind: 'report' }
  | { kind: 'other'; raw: string };

const OCCURRENCE = / #(\d+)$/;

/**
 * The target of a report section. Headings repeat (two findings, or a finding and a chart, with
 * the same title), so the second and later sections of one heading get their own thread.
 */
export function sectionTarget(heading: string, occurrence = 1): string {
  return occurrence <= 1 ? `section:${heading}` : `section:${heading} #${String(occurrence)}`;
}

export function parseReviewTarget(target: string): ReviewTarget {
  if (target === 'report') return { kind: 'report' };
  const colon = target.indexOf(':');
  const prefix = colon < 0 ? '' : target.slice(0, colon);
  const rest = colon < 0 ? '' : target.slice(colon + 1);
  if (rest === '') return { kind: 'other', raw: target };
  switch (prefix) {
    case 'section': {
      const occurrence = OCCURRENCE.exec(rest);
      return occurrence?.[1] !== undefined && Number(occurrence[1]) > 1
        ? { kind: 'section', heading: rest.slice(0, occurrence.index), occurrence: Number(occurrence[1]) }
        : { kind: 'section', heading: rest, occurrence: 1 };
    }
    case 'answer': {
      const questionNumber = Number(rest);
      return Number.isInteger(questionNumber) && questionNumber > 0
        ? { kind: 'answer', questionNumber }
        : { kind: 'other', raw: target };
    }
    case 'chart':
      return { kind: 'chart', id: rest };
    case 'table':
      return { kind: 'table', id: rest };
    case 'qc':
      return { kind: 'qc', itemId: rest };
    default:
      return { kind: 'other', raw: target };
  }
}

/** The names a deliverable gives the things comments can be about (any missing one falls back to its id). */
export interface ReviewTargetNames {
  questions: ReadonlyMap<number, string>;
  charts: ReadonlyMap<string, string>;
  tables: ReadonlyMap<string, string>;
  qcItems: ReadonlyMap<string, string>;
}

/** The parts of one version that name comment targets; later versions' names win. */
export interface NamedParts {
  questions: readonly { number: number; text: string }[];
  charts: readonly { id: string; title: string }[];
  tables: readonly { id: string; name: string }[];
  checklist: { items: readonly { id: string; text: string }[] } | null;
}

export function reviewTargetNames(versions: readonly NamedParts[]): ReviewTargetNames {
  const names = {
    questions: new Map<number, string>(),
    charts: new Map<string, string>(),
    tables: new Map<string, string>(),
    qcItems: new Map<string, string>(),
  };
  for (const version of versions) {
    for (const question of version.questions) names.questions.set(question.number, question.text);
    for (const chart of version.charts) if (chart.title) names.charts.set(chart.id, chart.title);
    for (const table of version.tables) if (table.name) names.tables.set(table.id, table.name);
    for (const item of version.checklist?.items ?? []) names.qcItems.set(item.id, item.text);
  }
  return names;
}

const ORDINAL_SUFFIX = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
};

/**
 * A readable name for a comment's target, to go after "the comment on …": `QC item "Sources
 * cited"`, `the answer to question 2 "Why…?"`, `report section "Findings"`. Never the raw target.
 */
export function describeReviewTarget(target: string, names: Partial<ReviewTargetNames> = {}): string {
  const parsed = parseReviewTarget(target);
  switch (parsed.kind) {
    case 'section': {
      const repeat =
        parsed.occurrence > 1
          ? ` (the ${String(parsed.occurrence)}${ORDINAL_SUFFIX(parsed.occurrence)} with that heading)`
          : '';
      return `report section "${parsed.heading}"${repeat}`;
    }
    case 'answer': {
      const question = names.questions?.get(parsed.questionNumber);
      return `the answer to question ${String(parsed.questionNumber)}${question ? ` "${question}"` : ''}`;
    }
    case 'chart': {
      const title = names.charts?.get(parsed.id);
      return title ? `chart "${title}"` : `chart ${parsed.id}`;
    }
    case 'table': {
      const name = names.tables?.get(parsed.id);
      return name ? `table "${name}"` : `table ${parsed.id}`;
    }
    case 'qc': {
      const text = names.qcItems?.get(parsed.itemId);
      return text ? `QC item "${text}"` : `QC item ${parsed.itemId}`;
    }
    case 'report':
      return 'the report as a whole';
    case 'other':
      return parsed.raw;
  }
}

/** For a label standing on its own ("Chart "Growth"", "The answer to question 2"). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
