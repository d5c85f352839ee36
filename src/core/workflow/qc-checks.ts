/**
 * QC checks the app evaluates itself (DESIGN.md §7). Each is a pure function over a snapshot of the
 * task's workspace, so the same rules run in the renderer, a worker or the CLI, and every failure
 * names exactly what is missing.
 */

export interface SnapshotQuestion {
  number: number;
  text: string;
}

export interface SnapshotAnswer {
  questionNumber: number;
  text: string;
  evidenceCount: number;
}

export interface SnapshotChart {
  id: string;
  title: string;
  caption: string;
  sourceNote: string;
  /** The chart's type (`bar`, `pie`, ...): pie and doughnut charts have no axes to label. */
  type: string;
  xLabel: string;
  yLabel: string;
}

/** Chart types drawn without axes, so without axis labels. */
const AXISLESS_CHART_TYPES: ReadonlySet<string> = new Set(['pie', 'doughnut']);

/** Whether a chart of this type has x and y axes that need labels. */
export function chartHasAxes(type: string): boolean {
  return !AXISLESS_CHART_TYPES.has(type);
}

export interface SnapshotDataset {
  name: string;
  opened: boolean;
  profiled: boolean;
}

export interface SnapshotFinding {
  id: string;
  title: string;
  /** References in the finding's Markdown to charts, views or sources that exist in the task. */
  evidenceCount: number;
  /** References to things no longer in the task, described for the reader (`chart "Sales"`). */
  missingReferences?: string[];
}

export interface WorkspaceSnapshot {
  questions: SnapshotQuestion[];
  answers: SnapshotAnswer[];
  charts: SnapshotChart[];
  datasets: SnapshotDataset[];
  findings: SnapshotFinding[];
  totalMinutes: number;
}

export interface QcCheckOutcome {
  state: 'pass' | 'fail';
  /** Empty when the check passes; otherwise one sentence per thing missing. */
  reasons: string[];
}

export const AUTOMATIC_CHECK_IDS = [
  'every-question-answered',
  'every-chart-labelled',
  'every-dataset-profiled',
  'every-finding-cites-evidence',
  'time-logged',
] as const;
export type AutomaticCheckId = (typeof AUTOMATIC_CHECK_IDS)[number];

export const AUTOMATIC_CHECK_LABELS: Readonly<Record<AutomaticCheckId, string>> = {
  'every-question-answered': 'Every question answered',
  'every-chart-labelled': 'Every chart titled, axes labelled, captioned and sourced',
  'every-dataset-profiled': 'Every dataset opened and profiled',
  'every-finding-cites-evidence': 'Every finding cites evidence',
  'time-logged': 'Time logged',
};

export function isAutomaticCheckId(value: unknown): value is AutomaticCheckId {
  return typeof value === 'string' && (AUTOMATIC_CHECK_IDS as readonly string[]).includes(value);
}

const outcome = (reasons: string[]): QcCheckOutcome => ({
  state: reasons.length === 0 ? 'pass' : 'fail',
  reasons,
});

const blank = (text: string): boolean => text.trim() === '';

export function everyQuestionAnswered(snapshot: WorkspaceSnapshot): QcCheckOutcome {
  if (snapshot.questions.length === 0) return outcome(['The task has no research questions to answer']);
  const reasons = snapshot.questions.flatMap((question) => {
    const answer = snapshot.answers.find((a) => a.questionNumber === question.number);
    return answer && !blank(answer.text) ? [] : [`Question ${question.number} has no answer`];
  });
  return outcome(reasons);
}

export function everyChartLabelled(snapshot: WorkspaceSnapshot): QcCheckOutcome {
  const reasons = snapshot.charts.flatMap((chart, index) => {
    const name = blank(chart.title) ? `Chart ${index + 1}` : `Chart '${chart.title.trim()}'`;
    const missing: string[] = [];
    if (blank(chart.title)) missing.push(`${name} has no title`);
    if (chartHasAxes(chart.type)) {
      const x = blank(chart.xLabel);
      const y = blank(chart.yLabel);
      if (x && y) missing.push(`${name} has no x-axis or y-axis label`);
      else if (x) missing.push(`${name} has no x-axis label`);
      else if (y) missing.push(`${name} has no y-axis label`);
    }
    if (blank(chart.caption)) missing.push(`${name} has no caption`);
    if (blank(chart.sourceNote)) missing.push(`${name} has no source note`);
    return missing;
  });
  return outcome(reasons);
}

export function everyDatasetProfiled(snapshot: WorkspaceSnapshot): QcCheckOutcome {
  const reasons = snapshot.datasets.flatMap((dataset) => {
    if (!dataset.opened) return [`Dataset '${dataset.name}' was never opened`];
    if (!dataset.profiled) return [`Dataset '${dataset.name}' was opened but no column was profiled`];
    return [];
  });
  return outcome(reasons);
}

export function everyFindingCitesEvidence(snapshot: WorkspaceSnapshot): QcCheckOutcome {
  const reasons = snapshot.findings.flatMap((finding, index) => {
    if (finding.evidenceCount > 0) return [];
    const name = blank(finding.title) ? `Finding ${index + 1}` : `Finding '${finding.title.trim()}'`;
    const missing = finding.missingReferences ?? [];
    // A link to something deleted is not evidence: say so, or the analyst sees links and a failure.
    if (missing.length > 0)
      return [`${name} cites only evidence that no longer exists: ${missing.join(', ')}`];
    return [`${name} cites no chart, view or source`];
  });
  return outcome(reasons);
}

export function timeLogged(snapshot: WorkspaceSnapshot): QcCheckOutcome {
  return outcome(snapshot.totalMinutes > 0 ? [] : ['No time has been logged on this task']);
}

const CHECKS: Readonly<Record<AutomaticCheckId, (snapshot: WorkspaceSnapshot) => QcCheckOutcome>> = {
  'every-question-answered': everyQuestionAnswered,
  'every-chart-labelled': everyChartLabelled,
  'every-dataset-profiled': everyDatasetProfiled,
  'every-finding-cites-evidence': everyFindingCitesEvidence,
  'time-logged': timeLogged,
};

/** Runs one check by id; an id this version does not know fails, saying so, rather than passing. */
export function runAutomaticCheck(id: string, snapshot: WorkspaceSnapshot): QcCheckOutcome {
  if (!isAutomaticCheckId(id)) return outcome([`This app does not know the automatic check '${id}'`]);
  return CHECKS[id](snapshot);
}
