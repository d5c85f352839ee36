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
  /**
   * For an automatic item, why the app's check failed when the version was frozen (one sentence
   * per thing missing; empty when it passed). Absent from versions frozen before it was recorded.
   */
  automaticReasons: z.array(z.string()).optional(),
});

export const checklistSchema = z.object({
  items: z.array(checklistItemResultSchema),
});
export type Checklist = z.infer<typeof checklistSchema>;
