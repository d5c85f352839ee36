import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AuditEvent, Task } from '@core/package';
import {
  appendAuditEvent,
  buildPackage,
  createSignoff,
  validatePayloadDocuments,
  verifyPackage,
} from '@core/package';
import type { TestKey } from '@core/package/fixtures.test-support';
import { json, makeKey, sampleTask, text } from '@core/package/fixtures.test-support';
import { repositories } from '../../db';
import { importReceivedPackage } from '../packages/import-received-package';
import type { ReceivedPackage } from '../packages/received-package-handlers';
import { acceptancePayload } from './client/acceptance-payload';
import { receiveAcceptance } from './receive-acceptance';

const keys = {
  coordinator: makeKey('Cora'),
  analyst: makeKey('Ada'),
  reviewer: makeKey('Rex'),
  client: makeKey('Nina'),
};
const DIGEST = 'd'.repeat(128);

/** The analyst's log up to a submission, and the reviewer's continuation to the delivery. */
function logs(taskId: string): { submitted: AuditEvent[]; delivered: AuditEvent[] } {
  const move = (log: AuditEvent[], at: string, actor: TestKey, data: Record<string, unknown>) =>
    appendAuditEvent(log, { at, actor: actor.keyId, type: 'task.state-changed', data });
  let log = move([], '2026-03-01T08:00:00.000Z', keys.coordinator, { to: 'assigned' });
  log = move(log, '2026-03-02T08:00:00.000Z', keys.analyst, { to: 'in_progress' });
  const submitted = move(log, '2026-03-03T08:00:00.000Z', keys.analyst, { to: 'submitted', version: 1 });
  log = move(submitted, '2026-03-04T08:00:00.000Z', keys.reviewer, {
    to: 'approved',
    version: 1,
    contentDigest: DIGEST,
  });
  const delivered = move(log, '2026-03-04T09:00:00.000Z', keys.reviewer, {
    to: 'delivered',
    version: 1,
    contentDigest: DIGEST,
    packageId: `deliverable-${taskId}`,
  });
  return { submitted, delivered };
}

/** Puts the task here as a reviewer has it once version 1 arrived (not yet delivered). */
async function taskHere(task: Task, submitted: AuditEvent[]): Promise<void> {
  await repositories.handoff.receiveSubmission({
    task,
    packageId: `submission-${task.id}`,
    events: submitted,
    sender: { keyId: keys.analyst.keyId, name: 'Ada' },
    files: {},
    contentDigest: DIGEST,
    submittedBy: { name: 'Ada', keyId: keys.analyst.keyId },
    submittedAt: '2026-03-03T08:00:00.000Z',
  });
}

/** A client's signed acceptance package, as acceptance-package.ts builds it, verified as the import does. */
async function acceptancePackage(
  task: Task,
  delivered: AuditEvent[],
  timeEntries: Uint8Array | undefined,
): Promise<ReceivedPackage> {
  const signoff = await createSignoff(
    {
      role: 'client',
      signer: { name: 'Nina Northwind' },
      date: '2026-03-05T10:00:00.000Z',
      contentDigest: DIGEST,
      statement: 'I accept this deliverable.',
    },
    { keyId: keys.client.secret.keyId, sign: keys.client.signer.sign },
  );
  // What the client's app sends back: built from the deliverable it decided on.
  const deliverable = new Map<string, Uint8Array>([
    ['data/task.json', json(task)],
    ['data/deliverable/report.md', text('# Report\n')],
  ]);
  if (timeEntries) deliverable.set('data/time/entries.json', timeEntries);
  const acceptance = {
    decision: 'accepted' as const,
    comments: 'Well done.',
    deliverablePackageId: `deliverable-${task.id}`,
    signoff,
  };
  const files = acceptancePayload(deliverable, acceptance, delivered);
  const packageId = globalThis.crypto.randomUUID();
  const bytes = await buildPackage({
    kind: 'acceptance',
    taskId: task.id,
    packageId,
    files,
    people: [{ role: 'client', name: 'Nina Northwind', keyId: keys.client.keyId }],
    sourceOrganization: 'Northwind Ltd',
    contactName: 'Nina Northwind',
    signer: keys.client.signer,
  });
  const verification = verifyPackage(bytes, { trustedKeys: [keys.client.trusted] });
  return {
    files: verification.files ?? new Map(),
    verification,
    record: {
      packageId,
      kind: 'acceptance',
      taskId: task.id,
      fileName: 'acceptance.kpo',
      sizeBytes: bytes.byteLength,
      verification: 'trusted',
      signerKeyId: keys.client.keyId,
      baggingDate: null,
      importedAt: '2026-03-06T00:00:00.000Z',
    },
  };
}

/** The import as the dialog runs it, with this kind's handler. */
const importAcceptance = async (pkg: ReceivedPackage) =>
  importReceivedPackage(pkg, new Uint8Array(), { acceptance: receiveAcceptance });

const task = (id: string): Task => ({ ...sampleTask(keys.coordinator, keys.analyst, keys.reviewer), id });
const entry = (id: string, minutes: number) => ({
  id,
  person: keys.analyst.keyId,
  date: '2026-03-02',
  minutes,
  activity: 'manual entry',
});

describe('acceptance package handler (provider side)', () => {
  it('closes the task and stores the decision with the delivered time entries it carries', async () => {
    const accepted = task('task-accepted');
    const { submitted, delivered } = logs(accepted.id);
    await taskHere(accepted, submitted);
    const pkg = await acceptancePackage(
      accepted,
      delivered,
      json({ entries: [entry('e1', 135), { ...entry('e2', 20), note: 'Charts' }] }),
    );
    expect(pkg.verification.status).toBe('trusted');
    expect(new TextDecoder().decode(pkg.files.get('data/time/entries.json'))).toBe(
      new TextDecoder().decode(json({ entries: [entry('e1', 135), { ...entry('e2', 20), note: 'Charts' }] })),
    );

    expect((await importAcceptance(pkg)).message).toBe(`Nina Northwind accepted "${accepted.title}".`);
    expect((await repositories.tasks.get(accepted.id))?.state).toBe('accepted');
    const summary = await repositories.deliveries.summary(accepted.id);
    expect(summary?.acceptance).toMatchObject({
      packageId: pkg.record.packageId,
      decision: 'accepted',
      comments: 'Well done.',
      signer: { name: 'Nina Northwind', keyId: keys.client.keyId },
      signedAt: '2026-03-05T10:00:00.000Z',
      version: 1,
    });
    expect(summary?.time).toEqual({
      version: 1,
      entries: [entry('e1', 135), { ...entry('e2', 20), note: 'Charts' }],
    });
    const hours = (await repositories.dashboard.input()).timeEntries.filter((e) => e.taskId === accepted.id);
    expect(hours.reduce((sum, e) => sum + e.minutes, 0)).toBe(155);
  });

  it('refuses a malformed time/entries.json, naming the file and the place, and changes nothing', async () => {
    const refused = task('task-malformed');
    const { submitted, delivered } = logs(refused.id);
    await taskHere(refused, submitted);
    const malformed = json({ entries: [{ ...entry('e1', 135), minutes: 'two hours' }] });

    // Our app cannot sign one, and verification at import refuses one signed elsewhere, naming the file...
    await expect(acceptancePackage(refused, delivered, malformed)).rejects.toThrow(
      'data/time/entries.json: $.entries[0].minutes',
    );
    const valid = await acceptancePackage(refused, delivered, json({ entries: [] }));
    const files = new Map(valid.files);
    files.set('data/time/entries.json', malformed);
    expect(validatePayloadDocuments(files, 'acceptance').map((f) => [f.file, f.severity])).toEqual([
      ['data/time/entries.json', 'error'],
    ]);
    // ...and the import refuses it even if it got that far.
    await expect(importAcceptance({ ...valid, files })).rejects.toThrow(
      'data/time/entries.json is not a valid time log at entries.0.minutes:',
    );
    files.set('data/time/entries.json', text('{"entries": ['));
    await expect(importAcceptance({ ...valid, files })).rejects.toThrow(
      'data/time/entries.json is not UTF-8 JSON',
    );

    expect((await repositories.tasks.get(refused.id))?.state).toBe('submitted');
    const summary = await repositories.deliveries.summary(refused.id);
    expect(summary?.acceptance).toBeUndefined();
    expect(summary?.time).toBeUndefined();
  });
});

describe('acceptance payload (client side)', () => {
  const acceptance = {
    decision: 'rejected' as const,
    comments: 'Missing Q2.',
    deliverablePackageId: 'deliverable-1',
    signoff: {} as never,
  };

  it('carries the deliverable’s time/entries.json byte for byte, and nothing when it had none', () => {
    const time = text('{ "entries": [] }\n');
    const deliverable = new Map([
      ['data/task.json', text('{}')],
      ['data/time/entries.json', time],
      ['data/deliverable/report.md', text('# Report')],
    ]);
    const payload = acceptancePayload(deliverable, acceptance, []);
    expect([...payload.keys()].sort()).toEqual([
      'acceptance.json',
      'audit/events.jsonl',
      'task.json',
      'time/entries.json',
    ]);
    expect(payload.get('time/entries.json')).toBe(time);
    deliverable.delete('data/time/entries.json');
    expect(acceptancePayload(deliverable, acceptance, []).has('time/entries.json')).toBe(false);
    deliverable.delete('data/task.json');
    expect(() => acceptancePayload(deliverable, acceptance, [])).toThrow('no data/task.json');
  });
});
