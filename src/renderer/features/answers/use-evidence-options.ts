import { useLiveQuery } from 'dexie-react-hooks';
import type { TaskRecord } from '../../db';
import { repositories } from '../../db';
import { useTaskViews } from '../charts/use-task-views';
import type { EvidenceGroup } from './evidence-options';

/** Everything an answer can cite, grouped by kind, with the names shown to the user; kept live. */
export function useEvidenceOptions(
  task: TaskRecord,
): { groups: EvidenceGroup[]; labels: Map<string, string> } | undefined {
  const views = useTaskViews(task);
  const work = useLiveQuery(async () => {
    const [charts, findings, sources] = await Promise.all([
      repositories.charts.list(task.id),
      repositories.findings.list(task.id),
      repositories.sources.list(task.id),
    ]);
    return { charts, findings, sources };
  }, [task.id]);
  if (!views || !work) return undefined;
  const groups: EvidenceGroup[] = [
    {
      group: 'Charts',
      items: work.charts.map((c) => ({ value: `chart:${c.id}`, label: c.spec?.title ?? 'Chart' })),
    },
    {
      group: 'Saved views',
      items: views.map((v) => ({ value: `view:${v.view.id}`, label: `${v.view.name} (${v.datasetName})` })),
    },
    {
      group: 'Findings',
      items: work.findings.map((f) => ({ value: `finding:${f.id}`, label: f.title || 'Untitled finding' })),
    },
    { group: 'Sources', items: work.sources.map((s) => ({ value: `source:${s.id}`, label: s.title })) },
  ];
  const labels = new Map(groups.flatMap((g) => g.items.map((i) => [i.value, i.label] as const)));
  return { groups: groups.filter((g) => g.items.length > 0), labels };
}
