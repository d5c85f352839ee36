import { z } from 'zod';
import { isoDateTimeSchema, sha256HexSchema } from './common';

export const auditEventSchema = z.object({
  seq: z.number().int().positive(),
  at: isoDateTimeSchema,
  /** Key id or name of who caused the event. */
  actor: z.string().min(1),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  prevHash: sha256HexSchema,
  hash: sha256HexSchema,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
