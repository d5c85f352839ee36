import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import type { ReceivedPackageHandler } from '../packages/received-package-handlers';
import { readTaskPackage } from './read-task-package';
import { importTaskDataset } from './task-datasets';

/**
 * A verified task package becomes a task assigned to this analyst: the task with its CSVs' original
 * bytes and the coordinator's audit log (continued with `task.received`) is stored in the import's
 * one transaction. Once that has committed, each CSV imports into the columnar store in the
 * background while the task shows its progress: that copy is derived from the stored bytes, so a
 * failed, cancelled or interrupted import never undoes the task, which offers to import it again.
 */
export const receiveTaskPackage: ReceivedPackageHandler = ({ record, files }) => {
  const { datasetBytes, ...received } = readTaskPackage(files, record.packageId);
  const count = received.task.datasets.length;
  return {
    apply: async () => {
      await repositories.tasks.receive({
        ...received,
        data: { packageId: record.packageId, fileName: record.fileName },
      });
      const importing = count > 0 ? `; importing ${count} dataset${count === 1 ? '' : 's'}` : '';
      return { taskId: received.task.id, message: `Task "${received.task.title}" received${importing}.` };
    },
    afterCommit: async (applied) => {
      const notQueued: string[] = [];
      for (const dataset of received.task.datasets) {
        const bytes = datasetBytes.get(dataset.path);
        if (!bytes) continue;
        await importTaskDataset(received.task.id, dataset, bytes).catch((caught: unknown) => {
          notQueued.push(`${dataset.path}: ${errorMessage(caught)}`);
        });
      }
      if (notQueued.length === 0) return applied;
      return { ...applied, message: `${applied.message} Not imported: ${notQueued.join('; ')}.` };
    },
  };
};
