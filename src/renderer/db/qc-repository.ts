import { findingReferences } from '@core/findings';
import type { GateVerdict, QcCheckOutcome, SnapshotChart, WorkspaceSnapshot } from '@core/workflow';
import { checkSubmissionGate, isAnalystEditable, runAutomaticCheck } from '@core/workflow';
import { z } from 'zod';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { ChecklistItemRecord, QcResultRecord, TaskRecord } from './records';
import { appendTaskEvent } from './task-events';

/** Chart specs belong to the charts feature; QC reads only the labels, and tolerates anything else. */
const chartLabelsSchema = z
  .object({
    type: z.string().catch(''),
    title: z.string().catch(''),
    xLabel: z.string().catch(''),
    yLabel: z.string().catch(''),
    caption: z.string().catch(''),
    sourceNote: z.string().catch(''),
  })
  .partial()
  .loose();

type ChartLabels = Omit<SnapshotChart, 'id'>;

function chartLabels(spec: unknown): ChartLabels {
  const parsed = chartLabelsSchema.safeParse(spec);
  const labels = parsed.success ? parsed.data : {};
  return {
    title: labels.title ?? '',
    caption: labels.caption ?? '',
    sourceNote: labels.sourceNote ?? '',
    // A spec without a type is held to the axes rule rather than excused from it.
    type: labels.type ?? '',
    xLabel: labels.xLabel ?? '',
    yLabel: labels.yLabel ?? '',
  };
}

/**
 * A finding's references split into those that resolve in the task and those that point at
 * something deleted (described by kind and link text, as the reader wrote it).
 */
export function findingEvidence(
  markdown: string,
  existing: ReadonlySet<string>,
): { evidenceCount: number; missingReferences: string[] } {
  const missingReferences: string[] = [];
  let evidenceCount = 0;
  for (const ref of findingReferences(markdown)) {
    if (existing.has(`${ref.kind}:${ref.id}`)) evidenceCount += 1;
    else missingReferences.push(`${ref.kind} "${ref.label.trim() || ref.id}"`);
  }
  return { evidenceCount, missingReferences };
}

/** A change to one item's result: only the fields given change. */
export type QcResultPatch = Partial<
  Pick<QcResultRecord, 'result' | 'comment' | 'evidence' | 'justification'>
>;

export interface QcOverview {
  items: ChecklistItemRecord[];
  /** By item id; items never marked have no entry. */
  results: Record<string, QcResultRecord>;
  /** By automatic check id, for the checks this task's items use. */
  automatic: Record<string, QcCheckOutcome>;
  verdict: GateVerdict;
}

export interface EvidenceOption {
  /** `chart:<id>`, `view:<id>`, `finding:<id>` or `source:<id>`. */
  value: string;
  label: string;
  group: 'Charts' | 'Views' | 'Findings' | 'Sources';
}

const emptyResult = (taskId: string, itemId: string): QcResultRecord => ({
  taskId,
  itemId,
  result: 'open',
  comment: '',
  evidence: [],
  justification: '',
});

/** A task's QC: the workspace snapshot the automatic checks read, item results, and the submission gate. */
export function createQcRepository(db: KpoDatabase) {
  const requireTask = async (taskId: string): Promise<TaskRecord> => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new UserInputError('This task no longer exists on this computer.');
    return task;
  };

  /** What the task's evidence can be: its charts, its datasets' saved views, its findings and sources. */
  const evidenceOf = async (task: TaskRecord) => {
    const datasetIds = task.datasets.flatMap((d) => (d.datasetId ? [d.datasetId] : []));
    const [charts, views, findings, sources] = await Promise.all([
      db.charts.where('taskId').equals(task.id).sortBy('createdAt'),
      db.savedViews.where('datasetId').anyOf(datasetIds).toArray(),
      db.findings.where('taskId').equals(task.id).sortBy('createdAt'),
      db.sources.where('taskId').equals(task.id).toArray(),
    ]);
    const existing = new Set([
      ...charts.map((c) => `chart:${c.id}`),
      ...views.map((v) => `view:${v.id}`),
      ...findings.map((f) => `finding:${f.id}`),
      ...sources.map((s) => `source:${s.id}`),
    ]);
    return { charts, views, findings, sources, existing };
  };

  const snapshotOf = async (task: TaskRecord): Promise<WorkspaceSnapshot> => {
    const [answers, { charts, findings, existing }, entries] = await Promise.all([
      db.answers.where('taskId').equals(task.id).toArray(),
      evidenceOf(task),
      db.timeEntries.where('taskId').equals(task.id).toArray(),
    ]);
    const activity = await db.datasetActivity.bulkGet(task.datasets.map((d) => d.datasetId ?? ''));
    return {
      questions: task.questions.map(({ number, text }) => ({ number, text })),
      answers: answers.map((a) => ({
        questionNumber: a.questionNumber,
        text: a.text,
        evidenceCount: a.evidence.length,
      })),
      charts: charts.map((chart) => ({ id: chart.id, ...chartLabels(chart.spec) })),
      datasets: task.datasets.map((dataset, index) => {
        const seen = dataset.datasetId ? activity[index] : undefined;
        return { name: dataset.name, opened: Boolean(seen?.openedAt), profiled: Boolean(seen?.profiledAt) };
      }),
      findings: findings.map((f) => ({ id: f.id, title: f.title, ...findingEvidence(f.markdown, existing) })),
      totalMinutes: entries.reduce((sum, e) => sum + e.minutes, 0),
    };
  };

  const resultsOf = async (taskId: string): Promise<Record<string, QcResultRecord>> => {
    const records = await db.qcResults.where('taskId').equals(taskId).toArray();
    return Object.fromEntries(records.map((r) => [r.itemId, r]));
  };

  return {
    snapshot: async (taskId: string): Promise<WorkspaceSnapshot> => snapshotOf(await requireTask(taskId)),

    results: resultsOf,

    /** Everything the QC tab and the submit step need, evaluated now. */
    overview: async (taskId: string): Promise<QcOverview> => {
      const task = await requireTask(taskId);
      const [snapshot, results, { existing }] = await Promise.all([
        snapshotOf(task),
        resultsOf(taskId),
        evidenceOf(task),
      ]);
      const automatic: Record<string, QcCheckOutcome> = {};
      for (const item of task.checklist) {
        if (item.automaticCheck)
          automatic[item.automaticCheck] = runAutomaticCheck(item.automaticCheck, snapshot);
      }
      const verdict = checkSubmissionGate({
        items: task.checklist,
        results,
        automatic,
        existingEvidence: existing,
      });
      return { items: task.checklist, results, automatic, verdict };
    },

    /** What an item's evidence can point at: the task's charts, saved views, findings and sources. */
    evidenceOptions: async (taskId: string): Promise<EvidenceOption[]> => {
      const { charts, views, findings, sources } = await evidenceOf(await requireTask(taskId));
      const named = (name: string, fallback: string) => (name.trim() === '' ? fallback : name.trim());
      return [
        ...charts.map((c, i) => ({
          value: `chart:${c.id}`,
          label: named(chartLabels(c.spec).title, `Chart ${i + 1}`),
          group: 'Charts' as const,
        })),
        ...views.map((v) => ({ value: `view:${v.id}`, label: v.name, group: 'Views' as const })),
        ...findings.map((f, i) => ({
          value: `finding:${f.id}`,
          label: named(f.title, `Finding ${i + 1}`),
          group: 'Findings' as const,
        })),
        ...sources.map((s, i) => ({
          value: `source:${s.id}`,
          label: named(s.title, `Source ${i + 1}`),
          group: 'Sources' as const,
        })),
      ];
    },

    /** Records the analyst's result for one item, and the change on the task's audit log. */
    mark: async (taskId: string, itemId: string, patch: QcResultPatch): Promise<void> => {
      await db.transaction('rw', [db.tasks, db.qcResults, db.taskEvents, db.profile], async () => {
        const task = await requireTask(taskId);
        if (!isAnalystEditable(task.state)) {
          throw new UserInputError('The checklist can be changed only while the task is being worked on.');
        }
        const item = task.checklist.find((i) => i.id === itemId);
        if (!item) throw new UserInputError(`This task's checklist has no item ${itemId}.`);
        const before = (await db.qcResults.get([taskId, itemId])) ?? emptyResult(taskId, itemId);
        const evidence = patch.evidence?.map((e) => e.trim()).filter((e) => e !== '');
        const next: QcResultRecord = {
          ...before,
          ...patch,
          ...(evidence ? { evidence } : {}),
          checkedBy: (await db.profile.get('me'))?.keyId ?? 'unknown',
          checkedAt: new Date().toISOString(),
        };
        await db.qcResults.put(next);
        const changed = (Object.keys(patch) as (keyof QcResultPatch)[]).filter(
          (key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]),
        );
        if (changed.length === 0) return;
        await appendTaskEvent(db, taskId, 'qc.item-marked', {
          itemId,
          text: item.text,
          result: next.result,
          changed,
          ...Object.fromEntries(changed.map((key) => [key, next[key]])),
        });
      });
    },
  };
}

export type QcRepository = ReturnType<typeof createQcRepository>;
