import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { readTaskPackage } from './read-task-package';
import { importTaskDataset } from './task-datasets';

/**
 * A verified task package becomes a task assigned to this analyst: stored in one transaction with
 * its CSVs and the coordinator's audit log (continued with `task.received`), then each CSV imports
 * into the columnar store in the background while the task shows its progress.
 */
export const receiveTaskPackage: ReceivedPackageHandler = async ({ record, files }) => {
  const { datasetBytes, ...received } = readTaskPackage(files, record.packageId);
  await repositories.tasks.receive({
    ...received,
    data: { packageId: record.packageId, fileName: record.fileName },
  });
  // The task is stored now and must not be undone by a failed import: the task offers to retry it.
  const notQueued: string[] = [];
  for (const dataset of received.task.datasets) {
    const bytes = datasetBytes.get(dataset.path);
    if (!bytes) continue;
    await importTaskDataset(received.task.id, dataset, bytes).catch((caught: unknown) => {
      notQueued.push(`${dataset.path}: ${errorMessage(caught)}`);
    });
  }
  const count = received.task.datasets.length;
  const importing = count > 0 ? `; importing ${count} dataset${count === 1 ? '' : 's'}` : '';
  const problems = notQueued.length > 0 ? ` Not imported: ${notQueued.join('; ')}.` : '';
  return {
    taskId: received.task.id,
    message: `Task "${received.task.title}" received${importing}.${problems}`,
  };
};
