import type { TaskDatasetRecord } from '../../db';
import { repositories } from '../../db';
import { enqueueDatasetImports } from '../datasets/import-queue';

/**
 * Imports a task's CSV into the local columnar store with the datasets import queue (progress and
 * cancel in its panel) and links the task to the dataset at once, so the task can show it importing.
 */
export async function importTaskDataset(
  taskId: string,
  dataset: Pick<TaskDatasetRecord, 'path' | 'name'>,
  bytes: Uint8Array,
): Promise<string> {
  const file = new File([bytes.slice().buffer], `${dataset.name}.csv`, { type: 'text/csv' });
  const [job] = enqueueDatasetImports([file]);
  if (!job) throw new Error(`The import of ${dataset.path} could not be queued.`);
  await repositories.tasks.setDatasetId(taskId, dataset.path, job.datasetId);
  return job.datasetId;
}

/** Imports a task's CSV again from the original bytes kept with the task (after a failed import). */
export async function reimportTaskDataset(taskId: string, dataset: TaskDatasetRecord): Promise<string> {
  const file = await repositories.tasks.file(taskId, dataset.path);
  if (!file) throw new Error(`The original bytes of ${dataset.path} are not stored with this task.`);
  return importTaskDataset(taskId, dataset, file.bytes);
}
