import { findingReferences } from '@core/findings';
import { z } from 'zod';
import { requireAnalystEditableTask } from './analyst-work';
import { citationTables, refuseIfCited } from './citations';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { FindingRecord } from './records';
import { appendTaskEvent } from './task-events';

const FindingFieldsSchema = z.object({
  title: z.string().trim().max(200, 'Keep the title under 200 characters.'),
  markdown: z.string().max(200_000, 'Keep a finding under 200,000 characters; split it into several.'),
});
export type FindingFields = z.input<typeof FindingFieldsSchema>;

function validFields(input: FindingFields): z.output<typeof FindingFieldsSchema> {
  const parsed = FindingFieldsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UserInputError(issue?.message ?? 'The finding is not valid.', String(issue?.path[0] ?? ''));
}

export function createFindingsRepository(db: KpoDatabase) {
  const tables = [db.tasks, db.findings, db.taskEvents, db.profile];
  return {
    /** A task's findings in the order they were written (the report's order). */
    list: async (taskId: string): Promise<FindingRecord[]> => {
      const records = await db.findings.where('taskId').equals(taskId).toArray();
      return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    get: async (id: string): Promise<FindingRecord | undefined> => db.findings.get(id),

    create: async (
      taskId: string,
      input: FindingFields = { title: '', markdown: '' },
    ): Promise<FindingRecord> => {
      const fields = validFields(input);
      const now = new Date().toISOString();
      const record: FindingRecord = {
        id: crypto.randomUUID(),
        taskId,
        ...fields,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction('rw', tables, async () => {
        await requireAnalystEditableTask(db, taskId);
        await db.findings.add(record);
        await appendTaskEvent(db, taskId, 'finding.created', { findingId: record.id, title: fields.title });
      });
      return record;
    },

    /**
     * Stores an edit (the editor autosaves every few seconds and on blur) and records one
     * `finding.edited` event per save that changed something; an unchanged save records nothing.
     */
    save: async (id: string, input: FindingFields): Promise<boolean> => {
      const fields = validFields(input);
      return db.transaction('rw', tables, async () => {
        const record = await db.findings.get(id);
        if (!record) throw new UserInputError('That finding no longer exists.');
        if (record.title === fields.title && record.markdown === fields.markdown) return false;
        await requireAnalystEditableTask(db, record.taskId);
        await db.findings.update(id, { ...fields, updatedAt: new Date().toISOString() });
        await appendTaskEvent(db, record.taskId, 'finding.edited', {
          findingId: id,
          title: fields.title,
          characters: fields.markdown.length,
          references: findingReferences(fields.markdown).map((r) => `${r.kind}:${r.id}`),
        });
        return true;
      });
    },

    /** Refuses while an answer or a QC item gives the finding as evidence, naming them. */
    remove: async (id: string): Promise<void> => {
      await db.transaction('rw', [...tables, ...citationTables(db)], async () => {
        const record = await db.findings.get(id);
        if (!record) return;
        await requireAnalystEditableTask(db, record.taskId);
        const name = `"${record.title || 'Untitled finding'}"`;
        await refuseIfCited(db, { kind: 'finding', id, name }, [record.taskId]);
        await db.findings.delete(id);
        await appendTaskEvent(db, record.taskId, 'finding.deleted', { findingId: id, title: record.title });
      });
    },
  };
}

export type FindingsRepository = ReturnType<typeof createFindingsRepository>;
