import type { ColumnType } from '@core/package';
import type { TaskDocumentProblem } from '@core/workflow';
import { toTaskDocument } from '@core/workflow';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { saveSignedPackage, signPackage } from '../packages/export-signed-package';
import { taskPackagePayload } from './task-package-payload';

/** A draft that cannot be sent yet; `problems` name each field, in the editor's order. */
export class TaskNotReadyError extends Error {
  override name = 'TaskNotReadyError';
  constructor(readonly problems: readonly TaskDocumentProblem[]) {
    super(`The task cannot be exported yet: ${problems.map((p) => p.message).join(' ')}`);
  }
}

/**
 * Validates a draft, builds and signs its task package (task.json, the CSVs as attached, the QC
 * checklist with every item open, the audit log so far for the analyst to continue), offers it for
 * saving and, only once saved, marks the task assigned. Resolves to false when the save was cancelled.
 */
export async function exportTaskPackage(task: TaskRecord): Promise<boolean> {
  if (task.origin !== 'authored' || task.state !== 'draft') {
    throw new Error(
      `"${task.title}" was already sent; only a draft written here is exported as a task package.`,
    );
  }
  const columns = await datasetColumns(task);
  const result = toTaskDocument({ ...task });
  if (!result.ok) throw new TaskNotReadyError(result.problems);
  const document = {
    ...result.task,
    datasets: result.task.datasets.map((d) => ({
      ...d,
      ...(columns[d.path] ? { columns: columns[d.path] } : {}),
    })),
  };

  const csv = new Map<string, Uint8Array>();
  for (const dataset of task.datasets) {
    const file = await repositories.tasks.file(task.id, dataset.path);
    if (file) csv.set(dataset.path, file.bytes);
  }
  const { events } = await repositories.tasks.auditLog(task.id);
  const { files, people } = taskPackagePayload({ document, csv, events });
  const pkg = await signPackage({ kind: 'task', taskId: task.id, files, people, fileStem: document.title });
  const saved = await saveSignedPackage(pkg, 'task', task.id);
  if (saved)
    await repositories.tasks.transition(task.id, 'assigned', 'coordinator', { packageId: pkg.packageId });
  return saved;
}

/** Column types of the datasets already imported here, so the package's Data Package describes them. */
async function datasetColumns(
  task: TaskRecord,
): Promise<Record<string, { name: string; type: ColumnType }[]>> {
  const entries = await Promise.all(
    task.datasets.map(async (d) => {
      const record = d.datasetId ? await repositories.datasets.get(d.datasetId) : undefined;
      return record?.status === 'ready'
        ? ([d.path, record.columns.map((c) => ({ name: c.name, type: c.type }))] as const)
        : undefined;
    }),
  );
  return Object.fromEntries(entries.filter((e) => e !== undefined));
}
