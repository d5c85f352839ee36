import { z } from 'zod';
import type { ReviewComments } from '../package';

export type { Acceptance } from '../package';
export { ACCEPTANCE_FILE, acceptanceSchema } from '../package';

/** Review threads as the app keeps them: `reviewCommentsSchema` cannot carry threads or targets like `answer:2`. */
export const REVIEW_THREADS_FILE = 'data/review/threads.json';
export const QC_VERDICTS_FILE = 'data/review/verdicts.json';

const keyId = z.string().regex(/^[0-9A-F]{16}$/);

export const reviewThreadCommentSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  /** `section:<heading>`, `answer:<n>`, `chart:<id>`, `table:<id>`, `qc:<itemId>` or `report`. */
  target: z.string().min(1),
  parentId: z.string().min(1).optional(),
  author: z.object({ name: z.string().min(1), keyId }),
  body: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  resolved: z.boolean(),
});
export const reviewThreadsSchema = z.object({ comments: z.array(reviewThreadCommentSchema) });
export type ReviewThreadComment = z.infer<typeof reviewThreadCommentSchema>;

export const qcVerdictSchema = z.object({
  version: z.number().int().positive(),
  itemId: z.string().min(1),
  verdict: z.enum(['agree', 'disagree']),
  comment: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export const qcVerdictsSchema = z.object({ verdicts: z.array(qcVerdictSchema) });
export type QcVerdict = z.infer<typeof qcVerdictSchema>;

/** The review package's reason for sending the work back, and the version it is about. */
export const reviewDecisionSchema = z.object({
  version: z.number().int().positive(),
  reason: z.string().min(1),
});
export const REVIEW_DECISION_FILE = 'data/review/decision.json';

/** The standard comments.json view of the threads, for tools that read only the core format. */
export function toPackageComments(comments: readonly ReviewThreadComment[]): ReviewComments {
  return {
    comments: comments.map((comment) => ({
      id: comment.id,
      author: comment.author,
      at: comment.at,
      target: comment.target.startsWith('qc:')
        ? { checklistItem: comment.target.slice('qc:'.length) }
        : { file: 'deliverable/report.md' },
      body: comment.body,
      resolved: comment.resolved,
    })),
  };
}

/** Parses a JSON payload file against a schema; the error names the file. */
export function readJsonDocument<T>(
  files: ReadonlyMap<string, Uint8Array>,
  path: string,
  schema: z.ZodType<T>,
): T | undefined {
  const bytes = files.get(path);
  if (!bytes) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error(`${path} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(`${path} is not valid: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  return parsed.data;
}
