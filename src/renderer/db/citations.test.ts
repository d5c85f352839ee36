import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analystTask } from './analyst-task.test-support';
import { createChartsRepository } from './charts-repository';
import type { KpoDatabase } from './database';
import { createFindingsRepository } from './findings-repository';
import { createSavedViewsRepository } from './saved-views-repository';
import { createSourcesRepository } from './sources-repository';
import { closeTestDatabase, openTestDatabase } from './test-db.test-support';

const NOW = '2026-11-25T00:00:00.000Z';
let db: KpoDatabase;

beforeEach(async () => {
  db = await openTestDatabase('citations-test');
  await db.tasks.add({
    ...analystTask(),
    datasets: [{ path: 'datasets/s.csv', name: 's.csv', sha256: 'a'.repeat(64), bytes: 1, datasetId: 'd1' }],
    checklist: [
      { id: 'q1', text: 'Numbers traceable', severity: 'major', evidenceRequired: true },
      { id: 'q2', text: 'Sources cited', severity: 'major', evidenceRequired: true },
    ],
  });
});
afterEach(async () => {
  await closeTestDatabase(db);
});

const cite = async (evidence: string) => {
  await db.qcResults.put({
    taskId: 'task-1',
    itemId: 'q2',
    result: 'pass',
    comment: '',
    evidence: ['Client e-mail', evidence],
    justification: '',
  });
};

describe('deleting something cited', () => {
  it('refuses a chart a finding, an answer or a QC item cites, naming each, and keeps it', async () => {
    const charts = createChartsRepository(db);
    const chart = await charts.create('task-1', {
      viewId: 'v1',
      type: 'bar',
      x: 'region',
      y: ['sales'],
      title: 'Sales by region',
    });
    await createFindingsRepository(db).create('task-1', {
      title: 'North leads',
      markdown: `See [it](kpo:chart/${chart.id}).`,
    });
    await db.answers.add({
      taskId: 'task-1',
      questionNumber: 1,
      text: 'Big.',
      evidence: [{ kind: 'chart', id: chart.id }],
      updatedAt: NOW,
    });
    await cite(`chart:${chart.id}`);
    await expect(charts.remove(chart.id)).rejects.toThrow(
      '"Sales by region" is cited by finding "North leads", the answer to question 1, QC item 2 ("Sources cited"). Remove those citations before deleting it.',
    );
    expect(await charts.get(chart.id)).toBeDefined();
    expect((await db.taskEvents.toArray()).map((e) => e.type)).not.toContain('chart.deleted');

    await db.findings.clear();
    await db.answers.clear();
    await db.qcResults.clear();
    await charts.remove(chart.id);
    expect(await charts.get(chart.id)).toBeUndefined();
  });

  it('refuses a finding an answer or a QC item gives as evidence', async () => {
    const findings = createFindingsRepository(db);
    const finding = await findings.create('task-1', { title: 'North leads', markdown: '' });
    await cite(`finding:${finding.id}`);
    await expect(findings.remove(finding.id)).rejects.toThrow(
      /^"North leads" is cited by QC item 2 \("Sources cited"\)\./,
    );
    await db.qcResults.clear();
    await findings.remove(finding.id);
    expect(await findings.get(finding.id)).toBeUndefined();
  });

  it('refuses a source a QC item gives as evidence, as it does for findings and answers', async () => {
    const sources = createSourcesRepository(db);
    const source = await sources.create('task-1', {
      title: 'Eurostat',
      author: '',
      url: '',
      accessed: '',
      notes: '',
    });
    await cite(`source:${source.id}`);
    await expect(sources.remove(source.id)).rejects.toThrow(/"Eurostat" is cited by QC item 2/);
    expect(await sources.get(source.id)).toBeDefined();
  });

  it('refuses a saved view a chart is drawn from or a task cites, naming the task', async () => {
    const views = createSavedViewsRepository(db);
    const view = await views.save({ datasetId: 'd1', name: 'By region', spec: {} });
    await db.charts.add({
      id: 'c1',
      taskId: 'task-1',
      viewId: view.id,
      spec: { title: 'Sales' },
      createdAt: NOW,
      updatedAt: NOW,
    });
    await cite(`view:${view.id}`);
    await expect(views.remove(view.id)).rejects.toThrow(
      'The view "By region" is cited by chart "Sales" (drawn from it) in task "Market sizing", QC item 2 ("Sources cited") in task "Market sizing". Remove those citations before deleting it.',
    );
    expect(await views.get(view.id)).toBeDefined();

    await db.charts.clear();
    await db.qcResults.clear();
    await views.remove(view.id);
    expect(await views.get(view.id)).toBeUndefined();
  });
});
