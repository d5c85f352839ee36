import { z } from 'zod';
import { isoDateTimeSchema, keyIdSchema } from './common';
import { checklistTemplateItemSchema } from './task';

export const checklistItemResultSchema = checklistTemplateItemSchema.extend({
  result: z.enum(['open', 'pass', 'fail', 'not-applicable']),
  comment: z.string().optional(),
  /** Payload paths or free-text references backing the result. */
  evidence: z.array(z.string().min(1)).optional(),
  checkedBy: keyIdSchema.optional(),
  checkedAt: isoDateTimeSchema.optional(),
  /** Required by the workflow when a critical item leaves failing. */
  justification: z.string().optional(),
});

export const checklistSchema = z.object({
  items: z.array(checklistItemResultSchema),
});
export type Checklist = z.infer<typeof checklistSchema>;
