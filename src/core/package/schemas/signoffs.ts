import { z } from 'zod';
import { isoDateTimeSchema, keyIdSchema, sha512HexSchema } from './common';

export const SIGNOFF_ROLES = ['analyst', 'reviewer', 'client'] as const;

export const signoffSchema = z.object({
  role: z.enum(SIGNOFF_ROLES),
  signer: z.object({ name: z.string().min(1), keyId: keyIdSchema }),
  date: isoDateTimeSchema,
  /** sha512 over the canonical listing of data/deliverable/ (see signoff.ts). */
  contentDigest: sha512HexSchema,
  statement: z.string().min(1),
  /** minisign signature text over the canonical sign-off bytes (everything but this field). */
  signature: z.string().min(1),
});
export type Signoff = z.infer<typeof signoffSchema>;

export const signoffsSchema = z.object({ signoffs: z.array(signoffSchema) });
export type Signoffs = z.infer<typeof signoffsSchema>;
