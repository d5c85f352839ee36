import { z } from 'zod';
import { isoDateTimeSchema, keyIdSchema } from './common';

export const reviewCommentSchema = z.object({
  id: z.string().min(1),
  author: z.object({ name: z.string().min(1), keyId: keyIdSchema }),
  at: isoDateTimeSchema,
  /** What the comment is about: a payload path, optionally a line or checklist item. */
  target: z
    .object({
      file: z.string().min(1).optional(),
      line: z.number().int().positive().optional(),
      checklistItem: z.string().optional(),
    })
    .optional(),
  body: z.string().min(1),
  resolved: z.boolean(),
});

export const reviewCommentsSchema = z.object({ comments: z.array(reviewCommentSchema) });
export type ReviewComments = z.infer<typeof reviewCommentsSchema>;
