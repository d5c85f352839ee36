import { z } from 'zod';
import { sha256HexSchema, sha512HexSchema } from './common';

/**
 * The documents a frozen version carries outside data/deliverable/, relative to data/: the task as
 * frozen, the analyst's QC results and time entries. Sign-offs cover only data/deliverable/, so the
 * deliverable's manifest records their sha512 and the sign-offs cover them through it.
 */
export const FROZEN_RECORD_FILES = ['task.json', 'qc/checklist.json', 'time/entries.json'] as const;
export type FrozenRecordFile = (typeof FROZEN_RECORD_FILES)[number];

export const frozenRecordSchema = z.object({
  path: z.enum(FROZEN_RECORD_FILES),
  sha512: sha512HexSchema,
});
export type FrozenRecord = z.infer<typeof frozenRecordSchema>;

/** Exactly one record for each frozen document. */
export const frozenRecordsSchema = z.array(frozenRecordSchema).superRefine((records, ctx) => {
  for (const path of FROZEN_RECORD_FILES) {
    const count = records.filter((record) => record.path === path).length;
    if (count !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `expected exactly one record of ${path}, found ${String(count)}`,
      });
    }
  }
});

/**
 * Where the task's audit log ended when the version was frozen: the number of events and the hash
 * of the last one. Events logged after it (the `submission.frozen` event, review decisions) follow.
 */
export const frozenAuditHeadSchema = z.object({
  events: z.number().int().positive(),
  hash: sha256HexSchema,
});
export type FrozenAuditHead = z.infer<typeof frozenAuditHeadSchema>;
