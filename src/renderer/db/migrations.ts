import type { Transaction } from 'dexie';
import { z } from 'zod';
import { ROLES } from './records';

/**
 * Numbered schema versions. A released migration is never edited: add a new one instead, with a
 * fixture test in migrations.test.ts that opens a database of the previous version.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

function normaliseRole(role: unknown): string {
  const cleaned = typeof role === 'string' ? role.trim().toLowerCase() : '';
  return (ROLES as readonly string[]).includes(cleaned) ? cleaned : 'other';
}

/** time/entries.json as schema version 6 reads it; a frozen copy, so this migration never changes. */
const version6TimeEntries = z.object({
  entries: z.array(
    z.object({
      id: z.string().min(1),
      person: z.string().regex(/^[0-9A-F]{16}$/),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      minutes: z.number().int().positive(),
      activity: z.string().min(1),
      note: z.string().optional(),
    }),
  ),
});

/**
 * The analyst's time as each received submission or deliverable froze it, so the provider's
 * dashboard can count hours logged on another machine. Versions frozen here (the analyst's own)
 * are not received: their entries are the local ones.
 */
async function recordReceivedTime(tx: Transaction): Promise<void> {
  const received = tx.table('receivedPackages');
  const kinds = new Map<string, 'submission' | 'deliverable'>();
  for (const kind of ['submission', 'deliverable'] as const) {
    for (const id of await received.where('kind').equals(kind).primaryKeys()) kinds.set(String(id), kind);
  }
  const recordedAt = new Date().toISOString();
  const rows: Record<string, unknown>[] = [];
  await tx
    .table('submissions')
    .toCollection()
    .each(
      (submission: {
        taskId: string;
        version: number;
        packageId: string;
        files: Record<string, unknown>;
      }) => {
        const kind = kinds.get(submission.packageId);
        const bytes = submission.files['time/entries.json'];
        if (!kind || !(bytes instanceof Uint8Array)) return;
        let parsed;
        try {
          parsed = version6TimeEntries.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
        } catch {
          return;
        }
        if (!parsed.success) return;
        rows.push({
          packageId: submission.packageId,
          taskId: submission.taskId,
          kind,
          version: submission.version,
          entries: parsed.data.entries,
          receivedAt: recordedAt,
        });
      },
    );
  await tx.table('receivedTime').bulkPut(rows);
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    stores: {
      profile: 'id',
      signingKeys: 'keyId',
      trustedKeys: 'keyId, name',
      settings: 'key',
    },
  },
  {
    // Task authoring picks analysts and reviewers from the trust list, so keys are indexed by role;
    // version 1 stored the role as typed by the user, which this normalises to the known roles.
    version: 2,
    stores: { trustedKeys: 'keyId, name, role, addedAt' },
    upgrade: async (tx) => {
      const fallbackDate = new Date(0).toISOString();
      await tx
        .table('trustedKeys')
        .toCollection()
        .modify((key: Record<string, unknown>) => {
          key.role = normaliseRole(key.role);
          if (typeof key.addedAt !== 'string') key.addedAt = fallbackDate;
          if (typeof key.name === 'string') key.name = key.name.trim();
        });
    },
  },
  {
    // Verified packages the user imported, keyed by their package id so the same file twice is one.
    version: 3,
    stores: { receivedPackages: 'packageId, kind, taskId, importedAt' },
  },
  {
    // Datasets stored columnar: one record per dataset (listed by status so pending imports can be
    // swept), its chunks keyed by position, and the viewer's saved views of each dataset.
    version: 4,
    stores: {
      datasets: 'id, name, status, createdAt',
      datasetChunks: '[datasetId+index], datasetId',
      savedViews: 'id, datasetId, name',
    },
  },
  {
    // Tasks and everything the workflow keeps per task: the audit log keyed by position so events are
    // appended in order, the analyst's work (charts, sources, findings, answers, time, QC results),
    // frozen submissions per version, signed packages sent, and the reviewer's comments and verdicts.
    version: 5,
    stores: {
      tasks: 'id, state, client, due, updatedAt',
      taskFiles: '[taskId+path], taskId',
      taskEvents: '[taskId+seq], taskId',
      charts: 'id, taskId, viewId',
      sources: 'id, taskId',
      findings: 'id, taskId',
      answers: '[taskId+questionNumber], taskId',
      timeEntries: 'id, taskId, date',
      qcResults: '[taskId+itemId], taskId',
      checklistTemplates: 'id, name',
      datasetActivity: 'datasetId',
      submissions: '[taskId+version], taskId',
      sentPackages: 'packageId, taskId, createdAt',
      reviewComments: 'id, [taskId+version], taskId',
      qcVerdicts: '[taskId+version+itemId], [taskId+version]',
    },
  },
  {
    // What the provider learns from the work that comes back: the analyst's time as each received
    // version froze it (for the dashboard's hours and billing), and the client's signed decision.
    version: 6,
    stores: {
      receivedTime: 'packageId, taskId',
      acceptances: 'packageId, taskId',
    },
    upgrade: recordReceivedTime,
  },
];

export const LATEST_SCHEMA_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);
