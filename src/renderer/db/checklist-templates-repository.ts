import { checklistTemplateSchema } from '@core/package';
import { isAutomaticCheckId } from '@core/workflow';
import { z } from 'zod';
import { BUILT_IN_TEMPLATES } from './built-in-templates';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { ChecklistItemRecord, ChecklistTemplateRecord } from './records';

export type ChecklistTemplateEntry = ChecklistTemplateRecord & { builtIn: boolean };

/** What the editor saves: checked against core's template schema, plus rules the schema cannot state. */
export interface ChecklistTemplateInput {
  name: string;
  description: string;
  items: ChecklistItemRecord[];
}

const inputSchema = checklistTemplateSchema.extend({
  name: z.string().trim().min(1, 'Give the template a name.').max(120, 'Keep the name under 120 characters.'),
  description: z.string().max(2000, 'Keep the description under 2000 characters.'),
});

function validInput(input: ChecklistTemplateInput): ChecklistTemplateInput {
  const cleaned = {
    ...input,
    items: input.items.map((item) => ({ ...item, text: item.text.trim() })),
  };
  cleaned.items.forEach((item, index) => {
    if (item.text === '')
      throw new UserInputError(`Item ${index + 1}: write what to check.`, `items.${index}`);
  });
  const parsed = inputSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    const where = path.startsWith('items.') ? `Item ${Number(path.split('.')[1]) + 1}: ` : '';
    throw new UserInputError(`${where}${issue?.message ?? 'The template is not valid.'}`, path || undefined);
  }
  const seen = new Set<string>();
  parsed.data.items.forEach((item, index) => {
    if (seen.has(item.id))
      throw new UserInputError(`Item ${index + 1} repeats the id ${item.id}.`, `items.${index}`);
    seen.add(item.id);
    if (item.automaticCheck !== undefined && !isAutomaticCheckId(item.automaticCheck)) {
      throw new UserInputError(
        `Item ${index + 1}: the app has no automatic check called ${item.automaticCheck}.`,
        `items.${index}`,
      );
    }
  });
  return { name: parsed.data.name, description: parsed.data.description, items: parsed.data.items };
}

const isBuiltIn = (id: string): boolean => BUILT_IN_TEMPLATES.some((t) => t.id === id);

/** Checklist templates: the built-in ones from resources/ (read-only) and the user's own. */
export function createChecklistTemplatesRepository(db: KpoDatabase) {
  const get = async (id: string): Promise<ChecklistTemplateEntry | undefined> => {
    const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === id);
    if (builtIn) return { ...builtIn, builtIn: true };
    const own = await db.checklistTemplates.get(id);
    return own && { ...own, builtIn: false };
  };

  const requireOwn = (id: string): void => {
    if (isBuiltIn(id)) {
      throw new UserInputError('Built-in templates cannot be changed: duplicate it and edit the copy.');
    }
  };

  const freeName = async (base: string): Promise<string> => {
    const taken = new Set([
      ...BUILT_IN_TEMPLATES.map((t) => t.name.toLowerCase()),
      ...(await db.checklistTemplates.toArray()).map((t) => t.name.toLowerCase()),
    ]);
    for (let n = 1; ; n += 1) {
      const name = n === 1 ? `${base} (copy)` : `${base} (copy ${n})`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  };

  return {
    /** Built-in templates first, then the user's, by name. */
    list: async (): Promise<ChecklistTemplateEntry[]> => [
      ...BUILT_IN_TEMPLATES.map((t) => ({ ...t, builtIn: true })),
      ...(await db.checklistTemplates.orderBy('name').toArray()).map((t) => ({ ...t, builtIn: false })),
    ],

    get,

    create: async (input: ChecklistTemplateInput): Promise<ChecklistTemplateRecord> => {
      const valid = validInput(input);
      const now = new Date().toISOString();
      const record: ChecklistTemplateRecord = {
        ...valid,
        id: crypto.randomUUID(),
        createdAt: now,
        updatedAt: now,
      };
      await db.checklistTemplates.add(record);
      return record;
    },

    update: async (id: string, input: ChecklistTemplateInput): Promise<void> => {
      requireOwn(id);
      const valid = validInput(input);
      await db.transaction('rw', db.checklistTemplates, async () => {
        const existing = await db.checklistTemplates.get(id);
        if (!existing) throw new UserInputError('This template no longer exists.');
        await db.checklistTemplates.put({ ...existing, ...valid, updatedAt: new Date().toISOString() });
      });
    },

    remove: async (id: string): Promise<void> => {
      requireOwn(id);
      await db.checklistTemplates.delete(id);
    },

    /** A user copy of any template, built-in or not, named "<name> (copy)"; items keep their ids. */
    duplicate: async (id: string): Promise<ChecklistTemplateRecord> => {
      const source = await get(id);
      if (!source) throw new UserInputError('This template no longer exists.');
      const now = new Date().toISOString();
      const record: ChecklistTemplateRecord = {
        id: crypto.randomUUID(),
        name: await freeName(source.name),
        description: source.description,
        items: source.items.map((item) => ({ ...item })),
        createdAt: now,
        updatedAt: now,
      };
      await db.checklistTemplates.add(record);
      return record;
    },
  };
}

export type ChecklistTemplatesRepository = ReturnType<typeof createChecklistTemplatesRepository>;
