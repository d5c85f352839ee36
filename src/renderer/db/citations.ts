import { findingReferences } from '@core/findings';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { TaskRecord } from './records';

/** What findings, answers and QC items can cite as evidence. */
export type CitedKind = 'chart' | 'view' | 'finding' | 'source';

/** The tables `citationsOf` reads: a deletion that checks them must have them in its transaction. */
export function citationTables(db: KpoDatabase) {
  return [db.tasks, db.charts, db.findings, db.answers, db.qcResults];
}

function chartTitle(spec: unknown): string {
  const title = (spec as { title?: unknown } | null)?.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : 'Untitled chart';
}

/**
 * Where one task cites something, worded for the user: findings that link it, answers and QC items
 * that give it as evidence, and (for a view) the charts drawn from it.
 */
async function citationsInTask(db: KpoDatabase, task: TaskRecord, kind: CitedKind, id: string) {
  const places: string[] = [];
  if (kind !== 'finding')
    await db.findings
      .where('taskId')
      .equals(task.id)
      .each((finding) => {
        if (findingReferences(finding.markdown).some((r) => r.kind === kind && r.id === id))
          places.push(`finding "${finding.title || 'Untitled finding'}"`);
      });
  if (kind === 'view')
    await db.charts
      .where('viewId')
      .equals(id)
      .filter((chart) => chart.taskId === task.id)
      .each((chart) => places.push(`chart "${chartTitle(chart.spec)}" (drawn from it)`));
  await db.answers
    .where('taskId')
    .equals(task.id)
    .each((answer) => {
      if (answer.evidence.some((e) => e.kind === kind && e.id === id))
        places.push(`the answer to question ${answer.questionNumber}`);
    });
  const link = `${kind}:${id}`;
  await db.qcResults
    .where('taskId')
    .equals(task.id)
    .each((result) => {
      if (!result.evidence.some((e) => e.trim() === link)) return;
      const index = task.checklist.findIndex((item) => item.id === result.itemId);
      const text = task.checklist[index]?.text ?? '';
      places.push(index < 0 ? 'a QC item' : `QC item ${index + 1} ("${text}")`);
    });
  return places;
}

/**
 * Everything that cites a chart, view, finding or source, in the tasks given (a chart, finding or
 * source belongs to one task; a saved view to a dataset that several tasks may use). Views are named
 * with their task, since the one deleting it may be looking at the dataset, not the task.
 */
export async function citationsOf(
  db: KpoDatabase,
  kind: CitedKind,
  id: string,
  taskIds: readonly string[],
): Promise<string[]> {
  const places: string[] = [];
  for (const taskId of taskIds) {
    const task = await db.tasks.get(taskId);
    if (!task) continue;
    const found = await citationsInTask(db, task, kind, id);
    const where = kind === 'view' ? ` in task "${task.title || 'Untitled task'}"` : '';
    places.push(...found.map((place) => `${place}${where}`));
  }
  return places;
}

/** Refuses to delete something still cited, naming who cites it, so no reference is left dangling. */
export async function refuseIfCited(
  db: KpoDatabase,
  target: { kind: CitedKind; id: string; name: string },
  taskIds: readonly string[],
): Promise<void> {
  const places = await citationsOf(db, target.kind, target.id, taskIds);
  if (places.length > 0)
    throw new UserInputError(
      `${target.name} is cited by ${places.join(', ')}. Remove those citations before deleting it.`,
    );
}
