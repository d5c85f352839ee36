import { z } from 'zod';
import { taskSchema } from '../core/package';

/** task.json's priorities, taken from its schema so the two cannot drift apart. */
export const PRIORITIES = taskSchema.shape.priority.options;

/** A missing option gets "is required"; a present but wrong one keeps the schema's own message. */
const required = (message: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : message;

const oneLine = (what: string) =>
  z
    .string({ error: required(`expected ${what}`) })
    .trim()
    .min(1, `expected ${what}, got an empty value`)
    .max(500, 'is longer than 500 characters')
    .refine((value) => !/\p{Cc}/u.test(value), 'must be one line without control characters');

/**
 * The raw `kpo pack task` options, checked before any file is read. Keys are the option names, so
 * an issue's path names the option in the one-line error.
 */
export const packOptionsSchema = z.object({
  title: oneLine('a title'),
  brief: z.string({ error: required('expected a Markdown file') }).min(1, 'expected a file name'),
  question: z.array(oneLine('a question')).min(1, 'is required (at least one; repeat --question for more)'),
  due: z.iso.datetime({
    offset: true,
    error: required('expected an ISO 8601 date-time with a time zone, e.g. 2025-03-20T17:00:00Z'),
  }),
  data: z.array(z.string().min(1, 'expected a file name')).min(1, 'is required (at least one CSV file)'),
  checklist: z.string({ error: required('expected a JSON file') }).min(1, 'expected a file name'),
  key: z.string({ error: required('expected a secret key file') }).min(1, 'expected a file name'),
  output: z.string({ error: required('expected the .kpo file to write') }).min(1, 'expected a file name'),
  client: oneLine('a client name').optional(),
  org: oneLine('an organisation name').optional(),
  name: oneLine('a name').optional(),
  email: z.email('expected an e-mail address').optional(),
  id: oneLine('a task id').optional(),
  priority: z.enum(PRIORITIES, `expected one of ${PRIORITIES.join(', ')}`),
  'estimate-hours': z.coerce
    .number('expected a number of hours')
    .refine(Number.isFinite, 'expected a number of hours')
    .nonnegative('must not be negative'),
});
export type PackOptions = z.infer<typeof packOptionsSchema>;
