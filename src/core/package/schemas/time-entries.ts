import { z } from 'zod';
import { isoDateSchema, keyIdSchema } from './common';

export const timeEntrySchema = z.object({
  id: z.string().min(1),
  person: keyIdSchema,
  date: isoDateSchema,
  minutes: z.number().int().positive(),
  activity: z.string().min(1),
  note: z.string().optional(),
});

export const timeEntriesSchema = z.object({ entries: z.array(timeEntrySchema) });
export type TimeEntries = z.infer<typeof timeEntriesSchema>;
