/** The JSON documents of a frozen deliverable; every reader parses them with these. */
import { z } from 'zod';
import { isoDateTimeSchema, personSchema, sha256HexSchema } from '../package/schemas/common';
import { frozenAuditHeadSchema, frozenRecordsSchema } from '../package/schemas/frozen-records';
import { SAFE_ID } from './layout';

export const DELIVERABLE_FORMAT = 'kpo-deliverable/1';

const safeIdSchema = z.string().regex(SAFE_ID, 'expected an id of letters, digits, ".", "_" or "-"');

export const evidenceRefSchema = z.object({
  kind: z.enum(['chart', 'view', 'finding', 'source']),
  id: z.string().min(1),
  /** The evidence's title when it was frozen, so a reader needs no lookup to show it. */
  title: z.string().optional(),
});
export type DeliverableEvidence = z.infer<typeof evidenceRefSchema>;

export const answerSchema = z.object({
  questionNumber: z.number().int().positive(),
  question: z.string(),
  text: z.string(),
  evidence: z.array(evidenceRefSchema),
});
export type DeliverableAnswer = z.infer<typeof answerSchema>;

export const answersDocumentSchema = z.object({ answers: z.array(answerSchema) });

export const chartDocumentSchema = z.object({
  id: safeIdSchema,
  title: z.string(),
  caption: z.string(),
  sourceNote: z.string(),
  /** The chart's spec as the charts feature stored it (view + encoding). */
  spec: z.unknown(),
});
export type ChartDocument = z.infer<typeof chartDocumentSchema>;

export const sourceAttachmentSchema = z.object({
  /** Relative to data/: deliverable/sources/<id>/<file>. */
  path: z.string().min(1),
  fileName: z.string().min(1),
  mediaType: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: sha256HexSchema,
});

export const sourceSchema = z.object({
  id: safeIdSchema,
  title: z.string(),
  author: z.string(),
  url: z.string(),
  /** YYYY-MM-DD as entered; free text is kept rather than lost. */
  accessed: z.string(),
  notes: z.string(),
  attachment: sourceAttachmentSchema.optional(),
});
export type DeliverableSource = z.infer<typeof sourceSchema>;

export const sourcesDocumentSchema = z.object({ sources: z.array(sourceSchema) });

export const MANIFEST_ITEM_KINDS = [
  'report',
  'answers',
  'finding',
  'chart',
  'chart-spec',
  'table',
  'sources',
  'source-file',
] as const;

export const manifestItemSchema = z.object({
  path: z.string().startsWith('deliverable/'),
  kind: z.enum(MANIFEST_ITEM_KINDS),
  title: z.string(),
  /** The finding's, chart's, table's (saved view's) or source's id. */
  id: z.string().optional(),
});
export type ManifestItem = z.infer<typeof manifestItemSchema>;

export const manifestSchema = z.object({
  format: z.literal(DELIVERABLE_FORMAT),
  taskId: z.string().min(1),
  taskTitle: z.string(),
  version: z.number().int().positive(),
  frozenAt: isoDateTimeSchema,
  analyst: personSchema.optional(),
  items: z.array(manifestItemSchema),
  /**
   * The sha512 of task.json, qc/checklist.json and time/entries.json as frozen: they live outside
   * deliverable/, so sign-offs over the deliverable cover them only through these records.
   */
  records: frozenRecordsSchema,
  /** Where the audit log ended when the version was frozen; absent if it had no events yet. */
  auditHead: frozenAuditHeadSchema.optional(),
});
export type DeliverableManifest = z.infer<typeof manifestSchema>;
