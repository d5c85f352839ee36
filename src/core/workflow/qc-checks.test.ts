import { describe, expect, it } from 'vitest';
import type { WorkspaceSnapshot } from './qc-checks';
import {
  AUTOMATIC_CHECK_IDS,
  everyChartLabelled,
  everyDatasetProfiled,
  everyFindingCitesEvidence,
  everyQuestionAnswered,
  runAutomaticCheck,
  timeLogged,
} from './qc-checks';

const complete: WorkspaceSnapshot = {
  questions: [
    { number: 1, text: 'How big is the market?' },
    { number: 2, text: 'Who leads it?' },
  ],
  answers: [
    { questionNumber: 1, text: 'About 2 bn EUR.', evidenceCount: 1 },
    { questionNumber: 2, text: 'Northwind, with 30 %.', evidenceCount: 0 },
  ],
  charts: [
    {
      id: 'c1',
      type: 'bar',
      title: 'Sales by region',
      xLabel: 'Region',
      yLabel: 'Sales (EUR m)',
      caption: 'Q3 2026',
      sourceNote: 'Client ERP',
    },
    {
      id: 'c2',
      type: 'pie',
      title: 'Share of sales',
      xLabel: '',
      yLabel: '',
      caption: 'Q3 2026',
      sourceNote: 'Client ERP',
    },
  ],
  datasets: [{ name: 'sales.csv', opened: true, profiled: true }],
  findings: [{ id: 'f1', title: 'North leads', evidenceCount: 2 }],
  totalMinutes: 90,
};

describe('automatic QC checks', () => {
  it('all pass on a complete workspace', () => {
    for (const id of AUTOMATIC_CHECK_IDS) {
      expect(runAutomaticCheck(id, complete), id).toEqual({ state: 'pass', reasons: [] });
    }
  });

  it('every-question-answered names each question without an answer, blank text included', () => {
    const snapshot = {
      ...complete,
      questions: [...complete.questions, { number: 3, text: 'Why?' }],
      answers: [{ questionNumber: 1, text: '  \n', evidenceCount: 0 }],
    };
    expect(everyQuestionAnswered(snapshot)).toEqual({
      state: 'fail',
      reasons: ['Question 1 has no answer', 'Question 2 has no answer', 'Question 3 has no answer'],
    });
  });

  it('every-question-answered fails a task with no questions rather than passing vacuously', () => {
    expect(everyQuestionAnswered({ ...complete, questions: [] }).state).toBe('fail');
  });

  const labelled = complete.charts[0]!;

  it('every-chart-labelled says which label each chart lacks', () => {
    const snapshot = {
      ...complete,
      charts: [
        { ...labelled, id: 'a', caption: '' },
        { ...labelled, id: 'b', title: '', sourceNote: ' ' },
      ],
    };
    expect(everyChartLabelled(snapshot)).toEqual({
      state: 'fail',
      reasons: [
        "Chart 'Sales by region' has no caption",
        'Chart 2 has no title',
        'Chart 2 has no source note',
      ],
    });
  });

  it.each([
    ['x', { xLabel: ' ' }, "Chart 'Sales by region' has no x-axis label"],
    ['y', { yLabel: '' }, "Chart 'Sales by region' has no y-axis label"],
    ['both', { xLabel: '', yLabel: '' }, "Chart 'Sales by region' has no x-axis or y-axis label"],
  ])('every-chart-labelled fails a chart with axes and no %s axis label', (_, patch, reason) => {
    for (const type of ['bar', 'stacked-bar', 'line', 'area', 'scatter', 'histogram']) {
      const snapshot = { ...complete, charts: [{ ...labelled, ...patch, type }] };
      expect(everyChartLabelled(snapshot), type).toEqual({ state: 'fail', reasons: [reason] });
    }
  });

  it('every-chart-labelled asks no axis labels of pie and doughnut charts', () => {
    for (const type of ['pie', 'doughnut']) {
      const snapshot = { ...complete, charts: [{ ...labelled, type, xLabel: '', yLabel: '' }] };
      expect(everyChartLabelled(snapshot), type).toEqual({ state: 'pass', reasons: [] });
    }
  });

  it('every-chart-labelled holds a chart of unknown type to the axes rule', () => {
    const snapshot = { ...complete, charts: [{ ...labelled, type: '', yLabel: '' }] };
    expect(everyChartLabelled(snapshot).reasons).toEqual(["Chart 'Sales by region' has no y-axis label"]);
  });

  it('every-dataset-profiled tells never-opened from opened-but-not-profiled', () => {
    const snapshot = {
      ...complete,
      datasets: [
        { name: 'a.csv', opened: false, profiled: false },
        { name: 'b.csv', opened: true, profiled: false },
        { name: 'c.csv', opened: true, profiled: true },
      ],
    };
    expect(everyDatasetProfiled(snapshot)).toEqual({
      state: 'fail',
      reasons: ["Dataset 'a.csv' was never opened", "Dataset 'b.csv' was opened but no column was profiled"],
    });
  });

  it('every-finding-cites-evidence names findings without references', () => {
    const snapshot = {
      ...complete,
      findings: [
        { id: 'f1', title: 'North leads', evidenceCount: 0 },
        { id: 'f2', title: 'South lags', evidenceCount: 1 },
      ],
    };
    expect(everyFindingCitesEvidence(snapshot)).toEqual({
      state: 'fail',
      reasons: ["Finding 'North leads' cites no chart, view or source"],
    });
  });

  it('every-finding-cites-evidence does not count links to deleted things, and says so', () => {
    const snapshot = {
      ...complete,
      findings: [
        { id: 'f1', title: 'North leads', evidenceCount: 0, missingReferences: ['chart "Q4 sales"'] },
        { id: 'f2', title: 'South lags', evidenceCount: 1, missingReferences: ['source "Census"'] },
      ],
    };
    expect(everyFindingCitesEvidence(snapshot)).toEqual({
      state: 'fail',
      reasons: ['Finding \'North leads\' cites only evidence that no longer exists: chart "Q4 sales"'],
    });
  });

  it('time-logged fails at zero minutes', () => {
    expect(timeLogged({ ...complete, totalMinutes: 0 })).toEqual({
      state: 'fail',
      reasons: ['No time has been logged on this task'],
    });
    expect(timeLogged({ ...complete, totalMinutes: 1 }).state).toBe('pass');
  });

  it('an unknown check id fails instead of passing', () => {
    expect(runAutomaticCheck('spell-check', complete)).toEqual({
      state: 'fail',
      reasons: ["This app does not know the automatic check 'spell-check'"],
    });
  });
});
