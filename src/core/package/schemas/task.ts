import { z } from 'zod';
import { isoDateTimeSchema, payloadPathSchema, personSchema, sha256HexSchema } from './common';

export const COLUMN_TYPES = [
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'text',
  'category',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const datasetColumnSchema = z.object({
  name: z.string().min(1),
  type: z.enum(COLUMN_TYPES),
  description: z.string().optional(),
});

export const datasetSchema = z.object({
  /** Relative to data/, e.g. `datasets/sales.csv`. */
  path: payloadPathSchema,
  name: z.string().min(1),
  sha256: sha256HexSchema,
  bytes: z.number().int().nonnegative(),
  /** Unknown until the dataset is profiled. */
  columns: z.array(datasetColumnSchema).optional(),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const SEVERITIES = ['critical', 'major', 'minor'] as const;

export const checklistTemplateItemSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  severity: z.enum(SEVERITIES),
  evidenceRequired: z.boolean(),
  /** Name of a check the app runs itself (e.g. `every-question-answered`). */
  automaticCheck: z.string().min(1).optional(),
});

export const checklistTemplateSchema = z.object({
  name: z.string().min(1).optional(),
  items: z.array(checklistTemplateItemSchema),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;

export const questionSchema = z.object({
  number: z.number().int().positive(),
  text: z.string().min(1),
});

export const taskSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    client: z.string().min(1),
    /** Markdown. */
    brief: z.string(),
    questions: z.array(questionSchema).min(1),
    due: isoDateTimeSchema,
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    estimateHours: z.number().nonnegative(),
    people: z.object({
      coordinator: personSchema,
      // Unassigned while the task is a draft or out for assignment.
      analyst: personSchema.optional(),
      reviewer: personSchema.optional(),
    }),
    datasets: z.array(datasetSchema),
    checklist: checklistTemplateSchema,
  })
  .superRefine((task, ctx) => {
    task.questions.forEach((question, index) => {
      if (question.number !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'number'],
          message: `questions are numbered 1, 2, 3…; expected ${index + 1}`,
        });
      }
    });
  });
export type Task = z.infer<typeof taskSchema>;
