import { citationNumbers } from '@core/findings';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { useTaskViews } from '../charts/use-task-views';
import type { ReferenceLookup } from './reference-context';

/** The task's charts, sources and views as findings refer to them, kept live. */
export function useTaskReferenceLookup(task: TaskRecord): ReferenceLookup | undefined {
  const views = useTaskViews(task);
  const data = useLiveQuery(async () => {
    const [charts, sources, findings] = await Promise.all([
      repositories.charts.list(task.id),
      repositories.sources.list(task.id),
      repositories.findings.list(task.id),
    ]);
    return { charts, sources, findings };
  }, [task.id]);
  if (!data || !views) return undefined;
  return {
    charts: new Map(data.charts.map((c) => [c.id, c])),
    sources: new Map(data.sources.map((s) => [s.id, s])),
    citationNumbers: citationNumbers(data.findings.map((f) => f.markdown)),
    viewNames: new Map(views.map((v) => [v.view.id, `${v.view.name} (${v.datasetName})`])),
    findings: data.findings,
  };
}
