import { useLiveQuery } from 'dexie-react-hooks';
import type { SavedView, TaskRecord } from '../../db';
import { repositories } from '../../db';

export interface TaskView {
  readonly view: SavedView;
  readonly datasetName: string;
}

/** Saved views of the task's datasets, dataset by dataset; undefined while loading. */
export function useTaskViews(task: TaskRecord): TaskView[] | undefined {
  const datasetKey = task.datasets.map((d) => d.datasetId ?? '').join('|');
  return useLiveQuery(async () => {
    const views: TaskView[] = [];
    for (const dataset of task.datasets) {
      if (!dataset.datasetId) continue;
      for (const view of await repositories.savedViews.list(dataset.datasetId))
        views.push({ view, datasetName: dataset.name });
    }
    return views;
  }, [datasetKey]);
}
