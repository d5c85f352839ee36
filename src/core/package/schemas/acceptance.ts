import { z } from 'zod';
import { signoffSchema } from './signoffs';

/**
 * The client's decision. It travels without the deliverable's files, so the client's sign-off sits
 * here rather than in signoffs.json (whose sign-offs must cover the package's own deliverable); its
 * digest and package id name the deliverable it decides on.
 */
export const acceptanceSchema = z.object({
  decision: z.enum(['accepted', 'rejected']),
  comments: z.string(),
  deliverablePackageId: z.string().min(1),
  signoff: signoffSchema,
});
export type Acceptance = z.infer<typeof acceptanceSchema>;
