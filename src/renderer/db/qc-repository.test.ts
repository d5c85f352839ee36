import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatasetActivityRepository } from './dataset-activity-repository';
import type { KpoDatabase } from './database';
import { createQcRepository, findingEvidence } from './qc-repository';
import type { TaskRecord } from './records';
import { readTaskAuditLog } from './task-events';
import { closeTestDatabase, openTestDatabase } from './test-db.test-support';

let db: KpoDatabase;
beforeEach(async () => {
  db = await openTestDatabase('qc-repository-test');
});
afterEach(async () => {
  await closeTestDatabase(db);
});

const NOW = '2026-11-25T10:00:00.000Z';

const task: TaskRecord = {
  id: 't1',
  origin: 'received',
  state: 'in_progress',
  title: 'Market sizing',
  client: 'Northwind',
  brief: '',
  questions: [
    { number: 1, text: 'How big?' },
    { number: 2, text: 'Who leads?' },
  ],
  due: '',
  priority: 'normal',
  estimateHours: 4,
  datasets: [
    { path: 'datasets/sales.csv', name: 'sales.csv', sha256: 'a'.repeat(64), bytes: 10, datasetId: 'd1' },
    { path: 'datasets/costs.csv', name: 'costs.csv', sha256: 'b'.repeat(64), bytes: 10, datasetId: 'd2' },
  ],
  checklistName: 'Research task',
  checklist: [
    {
      id: 'answered',
      text: 'Every question answered',
      severity: 'critical',
      evidenceRequired: false,
      automaticCheck: 'every-question-answered',
    },
    { id: 'sources', text: 'Sources cited', severity: 'critical', evidenceRequired: true },
    { id: 'spelling', text: 'Spelling checked', severity: 'minor', evidenceRequired: false },
  ],
  version: 0,
  createdAt: NOW,
  updatedAt: NOW,
};

const source = {
  id: 's1',
  taskId: 't1',
  title: 'Eurostat',
  author: '',
  url: '',
  accessed: '2026-11-01',
  notes: '',
  createdAt: NOW,
  updatedAt: NOW,
};

describe('findingEvidence', () => {
  const existing = new Set(['chart:c1', 'view:v1', 'source:s1']);

  it('counts chart, view and source links that resolve, not other links', () => {
    expect(
      findingEvidence(
        'See [chart](kpo:chart/c1), [v](kpo:view/v1) and [s](kpo:source/s1); [web](https://x.example).',
        existing,
      ),
    ).toEqual({ evidenceCount: 3, missingReferences: [] });
    expect(findingEvidence('kpo:chart/c1 as plain text', existing).evidenceCount).toBe(0);
  });

  it('names links to things no longer in the task instead of counting them', () => {
    expect(findingEvidence('[Old sales](kpo:chart/gone) and [](kpo:source/s9)', existing)).toEqual({
      evidenceCount: 0,
      missingReferences: ['chart "Old sales"', 'source "s9"'],
    });
  });
});

describe('qc repository', () => {
  it('builds the snapshot from answers, chart labels, dataset activity, findings and time', async () => {
    await db.tasks.add(task);
    await db.answers.add({
      taskId: 't1',
      questionNumber: 1,
      text: 'Big.',
      evidence: [{ kind: 'chart', id: 'c1' }],
      updatedAt: NOW,
    });
    await db.charts.bulkAdd([
      {
        id: 'c1',
        taskId: 't1',
        viewId: 'v1',
        spec: {
          type: 'bar',
          title: 'Sales by region',
          xLabel: 'Region',
          yLabel: 'Sales (EUR)',
          caption: 'Q3',
          sourceNote: 'ERP',
          encoding: {},
        },
        createdAt: NOW,
        updatedAt: NOW,
      },
      {
        id: 'c2',
        taskId: 't1',
        viewId: 'v1',
        spec: { title: 42 },
        createdAt: '2026-11-25T11:00:00.000Z',
        updatedAt: NOW,
      },
    ]);
    await db.findings.add({
      id: 'f1',
      taskId: 't1',
      title: 'North leads',
      markdown: 'As [shown](kpo:chart/c1), not [deleted](kpo:chart/c0).',
      createdAt: NOW,
      updatedAt: NOW,
    });
    await db.timeEntries.add({
      id: 'e1',
      taskId: 't1',
      person: 'x',
      date: '2026-11-25',
      minutes: 30,
      note: '',
      origin: 'manual',
      createdAt: NOW,
    });
    const activity = createDatasetActivityRepository(db);
    await activity.markOpened('d1');
    await activity.markProfiled('d1');
    await activity.markOpened('d2');

    expect(await createQcRepository(db).snapshot('t1')).toEqual({
      questions: [
        { number: 1, text: 'How big?' },
        { number: 2, text: 'Who leads?' },
      ],
      answers: [{ questionNumber: 1, text: 'Big.', evidenceCount: 1 }],
      charts: [
        {
          id: 'c1',
          type: 'bar',
          title: 'Sales by region',
          xLabel: 'Region',
          yLabel: 'Sales (EUR)',
          caption: 'Q3',
          sourceNote: 'ERP',
        },
        { id: 'c2', type: '', title: '', xLabel: '', yLabel: '', caption: '', sourceNote: '' },
      ],
      datasets: [
        { name: 'sales.csv', opened: true, profiled: true },
        { name: 'costs.csv', opened: true, profiled: false },
      ],
      findings: [
        { id: 'f1', title: 'North leads', evidenceCount: 1, missingReferences: ['chart "deleted"'] },
      ],
      totalMinutes: 30,
    });
  });

  it('marks items with an audit event per change and evaluates the gate with computed automatic items', async () => {
    await db.tasks.add(task);
    await db.sources.add(source);
    const qc = createQcRepository(db);

    let overview = await qc.overview('t1');
    expect(overview.automatic['every-question-answered']).toEqual({
      state: 'fail',
      reasons: ['Question 1 has no answer', 'Question 2 has no answer'],
    });
    expect(overview.verdict.canSubmit).toBe(false);
    expect(overview.verdict.reasons).toHaveLength(3);

    await qc.mark('t1', 'answered', { result: 'pass', justification: 'Q2 dropped by the client' });
    await qc.mark('t1', 'sources', { result: 'pass', evidence: ['source:s1', ' '] });
    await qc.mark('t1', 'spelling', { result: 'not-applicable', comment: 'Tables only' });
    await qc.mark('t1', 'spelling', { result: 'not-applicable' });

    overview = await qc.overview('t1');
    expect(overview.results.sources).toMatchObject({
      result: 'pass',
      evidence: ['source:s1'],
      checkedBy: 'ABCDEF0123456789',
    });
    expect(overview.verdict).toEqual({ canSubmit: true, reasons: [] });

    const log = await readTaskAuditLog(db, 't1');
    expect(log.events.map((e) => e.type)).toEqual(['qc.item-marked', 'qc.item-marked', 'qc.item-marked']);
    expect(log.events[2]?.data).toMatchObject({
      itemId: 'spelling',
      result: 'not-applicable',
      changed: ['result', 'comment'],
    });
    expect(log.problems).toEqual([]);
  });

  it('refuses marks on a submitted task or an unknown item, storing nothing', async () => {
    await db.tasks.bulkAdd([task, { ...task, id: 't2', state: 'submitted' }]);
    const qc = createQcRepository(db);
    await expect(qc.mark('t2', 'spelling', { result: 'pass' })).rejects.toThrow(/being worked on/);
    await expect(qc.mark('t1', 'nope', { result: 'pass' })).rejects.toThrow(/no item nope/);
    expect(await db.qcResults.count()).toBe(0);
    expect(await db.taskEvents.count()).toBe(0);
  });

  it('does not let evidence that no longer exists pass the gate, and names it', async () => {
    await db.tasks.add(task);
    await db.charts.add({ id: 'c1', taskId: 't1', viewId: 'v1', spec: {}, createdAt: NOW, updatedAt: NOW });
    const qc = createQcRepository(db);
    await qc.mark('t1', 'answered', { result: 'pass', justification: 'Answered in the call' });
    await qc.mark('t1', 'spelling', { result: 'pass' });
    await qc.mark('t1', 'sources', { result: 'pass', evidence: ['chart:c1'] });
    expect((await qc.overview('t1')).verdict).toEqual({ canSubmit: true, reasons: [] });
    // Stored before deletions were refused (or edited by hand): the link now points at nothing.
    await db.charts.delete('c1');
    expect((await qc.overview('t1')).verdict.reasons).toEqual([
      "Item 2 ('Sources cited') links a chart that no longer exists (c1): remove or replace it",
      "Item 2 ('Sources cited') requires evidence: link the evidence it passes on",
    ]);
  });

  it('offers the task charts, views, findings and sources as evidence', async () => {
    await db.tasks.add(task);
    await db.charts.add({
      id: 'c1',
      taskId: 't1',
      viewId: 'v1',
      spec: { title: 'Sales' },
      createdAt: NOW,
      updatedAt: NOW,
    });
    await db.savedViews.bulkAdd([
      { id: 'v1', datasetId: 'd1', name: 'By region', spec: {}, createdAt: NOW, updatedAt: NOW },
      { id: 'v9', datasetId: 'other', name: 'Not ours', spec: {}, createdAt: NOW, updatedAt: NOW },
    ]);
    await db.sources.add({
      id: 's1',
      taskId: 't1',
      title: 'Eurostat',
      author: '',
      url: '',
      accessed: '2026-11-01',
      notes: '',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect((await createQcRepository(db).evidenceOptions('t1')).map((o) => [o.value, o.label])).toEqual([
      ['chart:c1', 'Sales'],
      ['view:v1', 'By region'],
      ['source:s1', 'Eurostat'],
    ]);
  });
});
