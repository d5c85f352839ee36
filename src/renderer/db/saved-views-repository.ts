import type { ViewSpec } from '@core/table';
import { ViewSpecSchema } from '@core/table';
import type { KpoDatabase } from './database';
import { citationTables, refuseIfCited } from './citations';
import { refuseIfDatasetLocked } from './dataset-locks';
import { UserInputError } from './errors';
import type { SavedViewRecord } from './records';

/**
 * A saved view as the app sees it. The stored spec is re-validated on every read: a record
 * written by an older build (or edited by hand) that no longer parses is listed with the
 * problem instead of its spec, never silently dropped or passed on unchecked.
 */
export type SavedView = Omit<SavedViewRecord, 'spec'> &
  ({ spec: ViewSpec; problem?: undefined } | { spec?: undefined; problem: string });

function validSpec(input: unknown): ViewSpec {
  const parsed = ViewSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new UserInputError(`The view is not valid${where}: ${issue?.message ?? 'unknown problem'}`, 'spec');
  }
  return parsed.data;
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new UserInputError('Enter a name for the view.', 'name');
  if (trimmed.length > 120) throw new UserInputError('Keep the name under 120 characters.', 'name');
  return trimmed;
}

function toSavedView(record: SavedViewRecord): SavedView {
  const parsed = ViewSpecSchema.safeParse(record.spec);
  const { spec: _spec, ...rest } = record;
  if (parsed.success) return { ...rest, spec: parsed.data };
  const issue = parsed.error.issues[0];
  return { ...rest, problem: `stored view is not valid: ${issue?.message ?? 'unknown problem'}` };
}

export function createSavedViewsRepository(db: KpoDatabase) {
  const assertNameFree = async (datasetId: string, name: string, exceptId?: string): Promise<void> => {
    const clash = await db.savedViews
      .where('datasetId')
      .equals(datasetId)
      .filter((v) => v.id !== exceptId && v.name.toLowerCase() === name.toLowerCase())
      .first();
    if (clash) throw new UserInputError(`There is already a view called "${clash.name}".`, 'name');
  };

  const datasetName = async (datasetId: string): Promise<string> =>
    (await db.datasets.get(datasetId))?.name ?? 'a deleted dataset';

  /**
   * A view that a task whose work is locked uses (through its dataset) stays as it is; call inside the
   * write's transaction, with `tasks` and `datasets`. Returns the record and the tasks using its dataset.
   */
  const requireEditableView = async (id: string) => {
    const record = await db.savedViews.get(id);
    if (!record) throw new UserInputError('That view no longer exists.');
    const subject = `View "${record.name}" of dataset "${await datasetName(record.datasetId)}"`;
    const tasks = await refuseIfDatasetLocked(db, record.datasetId, subject);
    return { record, tasks };
  };

  return {
    /** Views of one dataset, by name. */
    list: async (datasetId: string): Promise<SavedView[]> => {
      const records = await db.savedViews.where('datasetId').equals(datasetId).toArray();
      return records
        .map(toSavedView)
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
    },

    get: async (id: string): Promise<SavedView | undefined> => {
      const record = await db.savedViews.get(id);
      return record && toSavedView(record);
    },

    /**
     * Validates the spec and the name (unique per dataset, ignoring case) before anything is stored;
     * refused while a task whose work is locked uses the dataset.
     */
    save: async (input: { datasetId: string; name: string; spec: unknown }): Promise<SavedView> => {
      const spec = validSpec(input.spec);
      const name = validName(input.name);
      const now = new Date().toISOString();
      const record: SavedViewRecord = {
        id: crypto.randomUUID(),
        datasetId: input.datasetId,
        name,
        spec,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction('rw', db.savedViews, db.tasks, db.datasets, async () => {
        await refuseIfDatasetLocked(db, input.datasetId, `Dataset "${await datasetName(input.datasetId)}"`);
        await assertNameFree(input.datasetId, name);
        await db.savedViews.add(record);
      });
      return { ...record, spec };
    },

    /** Replaces the spec of an existing view (keeps its name and creation date); refused while locked. */
    update: async (id: string, specInput: unknown): Promise<void> => {
      const spec = validSpec(specInput);
      await db.transaction('rw', db.savedViews, db.tasks, db.datasets, async () => {
        await requireEditableView(id);
        await db.savedViews.update(id, { spec, updatedAt: new Date().toISOString() });
      });
    },

    /** Refused while a task whose work is locked uses the view's dataset. */
    rename: async (id: string, newName: string): Promise<void> => {
      const name = validName(newName);
      await db.transaction('rw', db.savedViews, db.tasks, db.datasets, async () => {
        const { record } = await requireEditableView(id);
        await assertNameFree(record.datasetId, name, id);
        await db.savedViews.update(id, { name, updatedAt: new Date().toISOString() });
      });
    },

    /**
     * Refuses while a task whose work is locked uses the view's dataset, or while a chart is drawn from
     * the view or a finding, an answer or a QC item of any task using its dataset cites it, naming
     * them, so nothing built on it breaks unseen.
     */
    remove: async (id: string): Promise<void> => {
      await db.transaction('rw', [db.savedViews, db.datasets, ...citationTables(db)], async () => {
        if (!(await db.savedViews.get(id))) return;
        const { record, tasks } = await requireEditableView(id);
        const charted = await db.charts.where('viewId').equals(id).toArray();
        const taskIds = [...new Set([...tasks.map((t) => t.id), ...charted.map((chart) => chart.taskId)])];
        await refuseIfCited(db, { kind: 'view', id, name: `The view "${record.name}"` }, taskIds);
        await db.savedViews.delete(id);
      });
    },
  };
}

export type SavedViewsRepository = ReturnType<typeof createSavedViewsRepository>;
