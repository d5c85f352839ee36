// Test-only: sample people, keys and payloads for every package kind. Core-only imports, so it
// type-checks in every project that includes src/core.
import type { MinisignSecretKey } from '../minisign';
import { formatKeyId, generateKeyPairBytes, signWithSecretKey } from '../minisign';
import { appendAuditEvent, serializeAuditLog } from './audit-chain';
import type { BuildPackageInput, PackageSigner } from './build-package';
import type { PackageKind, TrustedKey } from './types';
import { encodePublicKey } from '../minisign';
import { recordFrozenFiles } from './frozen-records';
import { computeContentDigest, createSignoff } from './signoff';
import type { Task } from './schemas/task';

const encoder = new TextEncoder();
export const text = (value: string): Uint8Array => encoder.encode(value);
export const json = (value: unknown): Uint8Array => text(`${JSON.stringify(value, null, 2)}\n`);

export const PACKAGE_ID = '3f2b8c1e-9d4a-4e6b-8a1f-2c3d4e5f6a7b';
export const TASK_ID = 'task-2025-001';
export const NOW = new Date('2025-03-04T10:20:30.000Z');

export interface TestKey {
  secret: MinisignSecretKey;
  keyId: string;
  signer: PackageSigner;
  trusted: TrustedKey;
}

export function makeKey(name: string): TestKey {
  const secret = generateKeyPairBytes();
  const keyId = formatKeyId(secret.keyId);
  return {
    secret,
    keyId,
    signer: { keyId: secret.keyId, publicKey: secret.publicKey, sign: signWithSecretKey(secret.secretKey) },
    trusted: { keyId, publicKey: encodePublicKey(secret), name },
  };
}

export function sampleTask(coordinator: TestKey, analyst: TestKey, reviewer: TestKey): Task {
  return {
    id: TASK_ID,
    title: 'Regional sales drivers',
    client: 'Northwind Ltd',
    brief: '# Brief\n\nExplain the **regional** differences in Q4 sales.\n',
    questions: [
      { number: 1, text: 'Which region grew fastest?' },
      { number: 2, text: 'What explains the drop in the south?' },
    ],
    due: '2025-03-20T17:00:00Z',
    priority: 'high',
    estimateHours: 12,
    people: {
      coordinator: { name: 'Cora Coordinator', email: 'cora@example.org', keyId: coordinator.keyId },
      analyst: { name: 'Ada Analyst', keyId: analyst.keyId },
      reviewer: { name: 'Rex Reviewer', keyId: reviewer.keyId },
    },
    datasets: [
      {
        path: 'datasets/sales.csv',
        name: 'Q4 sales',
        sha256: '0'.repeat(64),
        bytes: SALES_CSV.length,
        columns: [
          { name: 'region', type: 'category' },
          { name: 'quarter', type: 'date' },
          { name: 'total', type: 'decimal' },
          { name: 'orders', type: 'integer' },
        ],
      },
    ],
    checklist: {
      items: [
        {
          id: 'q-answered',
          text: 'Every question answered',
          severity: 'critical',
          evidenceRequired: false,
          automaticCheck: 'every-question-answered',
        },
        { id: 'sources', text: 'Sources cited', severity: 'major', evidenceRequired: true },
      ],
    },
  };
}

const SALES_CSV = 'region,quarter,total,orders\nnorth,2024-10-01,1200.50,31\nsouth,2024-10-01,700.25,18\n';

/**
 * A payload for each kind, with the documents that kind of hand-off carries. `editTask` changes
 * task.json before anything is recorded or signed, as if the coordinator had written it so.
 */
export async function samplePackageInput(
  kind: PackageKind,
  keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey },
  options: { editTask?: (task: Task) => Task } = {},
): Promise<BuildPackageInput> {
  const { coordinator, analyst, reviewer } = keys;
  const sample = sampleTask(coordinator, analyst, reviewer);
  const task = options.editTask ? options.editTask(sample) : sample;
  const files = new Map<string, Uint8Array>([
    ['task.json', json(task)],
    ['datasets/sales.csv', text(SALES_CSV)],
  ]);
  let signer = coordinator;
  if (kind !== 'task') {
    signer = kind === 'submission' ? analyst : reviewer;
    files.set('deliverable/report.md', text('# Findings\n\nThe north grew fastest.\n'));
    files.set('deliverable/tables/summary.csv', text('region,growth\nnorth,0.12\nsouth,-0.03\n'));
    files.set(
      'qc/checklist.json',
      json({
        items: task.checklist.items.map((item) => ({
          ...item,
          result: 'pass',
          checkedBy: analyst.keyId,
          checkedAt: '2025-03-03T09:00:00Z',
        })),
      }),
    );
    let log = appendAuditEvent([], {
      at: '2025-03-01T08:00:00Z',
      actor: coordinator.keyId,
      type: 'task.assigned',
      data: { to: analyst.keyId },
    });
    log = appendAuditEvent(log, {
      at: '2025-03-03T09:30:00Z',
      actor: analyst.keyId,
      type: 'task.submitted',
      data: {},
    });
    files.set('audit/events.jsonl', text(serializeAuditLog(log)));
    files.set(
      'time/entries.json',
      json({
        entries: [
          { id: 't1', person: analyst.keyId, date: '2025-03-02', minutes: 240, activity: 'analysis' },
        ],
      }),
    );
    // A deliverable manifest by hand (core/deliverable writes the same shape): its records pin
    // task.json, the QC results and time entries, and the log as it was before the submission.
    const [firstEvent] = log;
    files.set(
      'deliverable/manifest.json',
      json({
        format: 'kpo-deliverable/1',
        taskId: task.id,
        taskTitle: task.title,
        version: 1,
        frozenAt: '2025-03-03T09:30:00.000Z',
        analyst: { name: 'Ada Analyst', keyId: analyst.keyId },
        items: [
          { path: 'deliverable/report.md', kind: 'report', title: 'Report (Markdown)' },
          { path: 'deliverable/tables/summary.csv', kind: 'table', title: 'Summary', id: 'summary' },
        ],
        records: recordFrozenFiles(files),
        ...(firstEvent ? { auditHead: { events: 1, hash: firstEvent.hash } } : {}),
      }),
    );
    const payloadForDigest = new Map([...files].map(([path, bytes]) => [`data/${path}`, bytes]));
    const contentDigest = computeContentDigest(payloadForDigest);
    const signoffs = [
      await createSignoff(
        {
          role: 'analyst',
          signer: { name: 'Ada Analyst' },
          date: '2025-03-03T09:30:00Z',
          contentDigest,
          statement: 'I did this work and the checklist is complete.',
        },
        { keyId: analyst.secret.keyId, sign: analyst.signer.sign },
      ),
    ];
    if (kind !== 'submission') {
      files.set(
        'review/comments.json',
        json({
          comments: [
            {
              id: 'c1',
              author: { name: 'Rex Reviewer', keyId: reviewer.keyId },
              at: '2025-03-04T08:00:00Z',
              target: { file: 'deliverable/report.md', line: 3 },
              body: 'Cite the source.',
              resolved: true,
            },
          ],
        }),
      );
      signoffs.push(
        await createSignoff(
          {
            role: 'reviewer',
            signer: { name: 'Rex Reviewer' },
            date: '2025-03-04T09:00:00Z',
            contentDigest,
            statement: 'Reviewed and approved.',
          },
          { keyId: reviewer.secret.keyId, sign: reviewer.signer.sign },
        ),
      );
    }
    files.set('signoffs.json', json({ signoffs }));
  }
  return {
    kind,
    taskId: TASK_ID,
    packageId: PACKAGE_ID,
    files,
    people: [
      { role: 'coordinator', name: 'Cora Coordinator', email: 'cora@example.org', keyId: coordinator.keyId },
      { role: 'analyst', name: 'Ada Analyst', keyId: analyst.keyId },
      { role: 'reviewer', name: 'Rex Reviewer', keyId: reviewer.keyId },
    ],
    sourceOrganization: 'Northwind Research',
    contactName:
      signer === coordinator ? 'Cora Coordinator' : signer === analyst ? 'Ada Analyst' : 'Rex Reviewer',
    signer: signer.signer,
    now: NOW,
  };
}
