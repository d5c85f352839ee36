import type { ChartSpec } from '@core/charts';
import { ChartSpecSchema } from '@core/charts';
import { requireAnalystEditableTask } from './analyst-work';
import { citationTables, refuseIfCited } from './citations';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { ChartRecord } from './records';
import { appendTaskEvent } from './task-events';

/** A stored chart with its spec checked on read; a spec that no longer parses is shown with the problem. */
export type Chart = Omit<ChartRecord, 'spec'> &
  ({ spec: ChartSpec; problem?: undefined } | { spec?: undefined; problem: string });

function validSpec(input: unknown): ChartSpec {
  const parsed = ChartSpecSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path[0] === undefined ? undefined : String(issue.path[0]);
  throw new UserInputError(
    `The chart is not valid${field ? ` (${field})` : ''}: ${issue?.message ?? 'unknown problem'}`,
    field,
  );
}

function validTitle(spec: ChartSpec): void {
  if (spec.title === '') throw new UserInputError('Give the chart a title.', 'title');
}

export function toChart(record: ChartRecord): Chart {
  const parsed = ChartSpecSchema.safeParse(record.spec);
  const { spec: _spec, ...rest } = record;
  if (parsed.success) return { ...rest, spec: parsed.data };
  return {
    ...rest,
    problem: `stored chart is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`,
  };
}

export function createChartsRepository(db: KpoDatabase) {
  return {
    /** A task's charts, oldest first (the order they were made in). */
    list: async (taskId: string): Promise<Chart[]> => {
      const records = await db.charts.where('taskId').equals(taskId).toArray();
      return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(toChart);
    },

    get: async (id: string): Promise<Chart | undefined> => {
      const record = await db.charts.get(id);
      return record && toChart(record);
    },

    create: async (taskId: string, specInput: unknown): Promise<Chart> => {
      const spec = validSpec(specInput);
      validTitle(spec);
      const now = new Date().toISOString();
      const record: ChartRecord = {
        id: crypto.randomUUID(),
        taskId,
        viewId: spec.viewId,
        spec,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction('rw', [db.tasks, db.charts, db.taskEvents, db.profile], async () => {
        await requireAnalystEditableTask(db, taskId);
        await db.charts.add(record);
        await appendTaskEvent(db, taskId, 'chart.created', {
          chartId: record.id,
          title: spec.title,
          type: spec.type,
        });
      });
      return { ...record, spec };
    },

    update: async (id: string, specInput: unknown): Promise<void> => {
      const spec = validSpec(specInput);
      validTitle(spec);
      await db.transaction('rw', [db.tasks, db.charts, db.taskEvents, db.profile], async () => {
        const record = await db.charts.get(id);
        if (!record) throw new UserInputError('That chart no longer exists.');
        await requireAnalystEditableTask(db, record.taskId);
        await db.charts.update(id, { spec, viewId: spec.viewId, updatedAt: new Date().toISOString() });
        await appendTaskEvent(db, record.taskId, 'chart.updated', {
          chartId: id,
          title: spec.title,
          type: spec.type,
        });
      });
    },

    /** Refuses while a finding, an answer or a QC item cites the chart, naming them, so nothing dangles. */
    remove: async (id: string): Promise<void> => {
      const tables = [db.taskEvents, db.profile, ...citationTables(db)];
      await db.transaction('rw', tables, async () => {
        const record = await db.charts.get(id);
        if (!record) return;
        await requireAnalystEditableTask(db, record.taskId);
        const title = toChart(record).spec?.title ?? '';
        await refuseIfCited(db, { kind: 'chart', id, name: `"${title || 'Untitled chart'}"` }, [
          record.taskId,
        ]);
        await db.charts.delete(id);
        await appendTaskEvent(db, record.taskId, 'chart.deleted', { chartId: id, title });
      });
    },
  };
}

export type ChartsRepository = ReturnType<typeof createChartsRepository>;
