import type { KpoDatabase } from './database';
import type { ChecklistTemplateRecord } from './records';

/** Checklist templates: the built-in ones from resources/ and the user's own (stub: filled by the QC feature). */
export function createChecklistTemplatesRepository(db: KpoDatabase) {
  return {
    /** Built-in templates first, then the user's, by name. */
    list: async (): Promise<(ChecklistTemplateRecord & { builtIn: boolean })[]> =>
      (await db.checklistTemplates.orderBy('name').toArray()).map((t) => ({ ...t, builtIn: false })),
  };
}

export type ChecklistTemplatesRepository = ReturnType<typeof createChecklistTemplatesRepository>;
