import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from '../bagit';
import type { AuditEventInput } from './audit-chain';
import { appendAuditEvent, serializeAuditLog } from './audit-chain';
import { buildPackageFiles } from './build-package';
import type { TestKey } from './fixtures.test-support';
import { json, makeKey, PACKAGE_ID, samplePackageInput, text } from './fixtures.test-support';
import { checkFrozenRecords, recordFrozenFiles } from './frozen-records';
import type { AuditEvent } from './schemas/audit-event';
import { editPayloadAndResign, editText, zipBag } from './tamper.test-support';
import type { TrustedKey, VerifyPackageResult } from './types';
import { verifyPackage } from './verify-package';

let keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey };
let trustedKeys: TrustedKey[];

beforeAll(() => {
  keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };
  trustedKeys = [keys.coordinator.trusted, keys.analyst.trusted, keys.reviewer.trusted];
});

const decoder = new TextDecoder();
const LOG = 'audit/events.jsonl';
const NOT_SIGNED =
  'not the one the analyst signed in version 1 (sha512 differs from data/deliverable/manifest.json)';

/**
 * A signed deliverable (analyst and reviewer sign-offs over data/deliverable/) whose payload outside
 * deliverable/ is edited in the unzipped bag, which is then re-hashed and re-signed by its own signer,
 * the reviewer: the bag verifies and the sign-offs still cover data/deliverable/, so only the
 * manifest's records can tell. `edit` sees payload files keyed relative to data/.
 */
async function resignedDeliverable(
  edit: (files: Map<string, Uint8Array>) => void,
): Promise<VerifyPackageResult> {
  const bag = new Map(await buildPackageFiles(await samplePackageInput('deliverable', keys)));
  await editPayloadAndResign(bag, keys.reviewer, edit);
  return verifyPackage(zipBag(bag, PACKAGE_ID), { trustedKeys });
}

const errors = (result: VerifyPackageResult) =>
  result.findings.filter((f) => f.severity === 'error').map(({ file, code }) => ({ file, code }));
const messageOf = (result: VerifyPackageResult, code: string) =>
  result.findings.find((f) => f.code === code)?.message;

const eventsOf = (files: ReadonlyMap<string, Uint8Array>): AuditEvent[] =>
  decoder
    .decode(files.get(LOG))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEvent);
const inputOf = ({ at, actor, type, data }: AuditEvent): AuditEventInput => ({ at, actor, type, data });
/** A log rebuilt from scratch, every hash recomputed: what someone rewriting history would write. */
const rechained = (inputs: readonly AuditEventInput[]): AuditEvent[] =>
  inputs.reduce<AuditEvent[]>((log, input) => appendAuditEvent(log, input), []);
const setLog = (files: Map<string, Uint8Array>, log: readonly AuditEvent[]): void => {
  files.set(LOG, text(serializeAuditLog(log)));
};

describe('the records of a frozen version in deliverable/manifest.json', () => {
  it('pass for the package as the analyst and reviewer signed it (the control)', async () => {
    const result = await resignedDeliverable(() => undefined);
    expect(errors(result)).toEqual([]);
    expect(result.status).toBe('trusted');
  });

  it.each([
    ['qc/checklist.json', '"checkedAt": "2025-03-03T09:00:00Z"', '"checkedAt": "2025-03-03T08:00:00Z"'],
    ['time/entries.json', '"minutes": 240', '"minutes": 480'],
    ['task.json', '"estimateHours": 12', '"estimateHours": 92'],
  ])('catch one changed byte of %s in a re-signed package, naming that file', async (path, from, to) => {
    const result = await resignedDeliverable((files) => {
      editText(files, path, (document) => document.replace(from, to));
    });
    expect(result.status).toBe('invalid');
    expect(errors(result)).toEqual([{ file: `data/${path}`, code: 'frozen-record-mismatch' }]);
    expect(messageOf(result, 'frozen-record-mismatch')).toBe(NOT_SIGNED);
  });

  it('are checked on a submission too, as the reviewer imports it', async () => {
    const bag = new Map(await buildPackageFiles(await samplePackageInput('submission', keys)));
    await editPayloadAndResign(bag, keys.analyst, (files) => {
      editText(files, 'qc/checklist.json', (document) => document.replace('"pass"', '"fail"'));
    });
    const result = verifyPackage(zipBag(bag, PACKAGE_ID), { trustedKeys });
    expect(result.status).toBe('invalid');
    expect(errors(result)).toEqual([{ file: 'data/qc/checklist.json', code: 'frozen-record-mismatch' }]);
  });

  it('catch a frozen document that was removed', async () => {
    const result = await resignedDeliverable((files) => files.delete('time/entries.json'));
    expect(errors(result)).toEqual([{ file: 'data/time/entries.json', code: 'frozen-record-missing' }]);
    expect(messageOf(result, 'frozen-record-missing')).toBe(
      'missing, but it is part of what the analyst signed in version 1 (data/deliverable/manifest.json)',
    );
  });

  it('catch a frozen audit event removed, even with the chain after it rebuilt', async () => {
    const result = await resignedDeliverable((files) => {
      setLog(files, rechained(eventsOf(files).slice(1).map(inputOf)));
    });
    expect(errors(result)).toEqual([{ file: `data/${LOG}`, code: 'frozen-audit-mismatch' }]);
    expect(messageOf(result, 'frozen-audit-mismatch')).toBe(
      'line 1 is not the last of the 1 audit events version 1 was frozen with: its hash differs from data/deliverable/manifest.json, so a frozen event was removed, inserted or rewritten',
    );
  });

  it('catch a frozen audit event rewritten, with every hash recomputed', async () => {
    const result = await resignedDeliverable((files) => {
      const inputs = eventsOf(files).map(inputOf);
      const [first, ...rest] = inputs;
      if (!first) throw new Error('the sample log has events');
      setLog(files, rechained([{ ...first, data: { to: keys.reviewer.keyId } }, ...rest]));
    });
    expect(errors(result)).toEqual([{ file: `data/${LOG}`, code: 'frozen-audit-mismatch' }]);
  });

  it('catch a frozen audit event edited in place, keeping its hash', async () => {
    const result = await resignedDeliverable((files) => {
      const [first, ...rest] = eventsOf(files);
      if (!first) throw new Error('the sample log has events');
      setLog(files, [{ ...first, data: { to: keys.reviewer.keyId } }, ...rest]);
    });
    expect(errors(result)).toContainEqual({ file: `data/${LOG}`, code: 'frozen-audit-mismatch' });
    expect(messageOf(result, 'frozen-audit-mismatch')).toBe(
      'line 1, one of the 1 audit events version 1 was frozen with: hash does not match the event: it was edited',
    );
  });

  it('catch a log emptied or removed', async () => {
    const emptied = await resignedDeliverable((files) => files.set(LOG, text('')));
    expect(errors(emptied)).toEqual([{ file: `data/${LOG}`, code: 'frozen-audit-mismatch' }]);
    expect(messageOf(emptied, 'frozen-audit-mismatch')).toMatch(
      /^holds 0 events, fewer than the 1 audit events/,
    );
    const removed = await resignedDeliverable((files) => files.delete(LOG));
    expect(errors(removed)).toEqual([{ file: `data/${LOG}`, code: 'frozen-audit-missing' }]);
  });

  it('accept events logged after the frozen head: review decisions follow a submission', async () => {
    const result = await resignedDeliverable((files) => {
      const log = appendAuditEvent(eventsOf(files), {
        at: '2025-03-04T09:00:00Z',
        actor: keys.reviewer.keyId,
        type: 'task.state-changed',
        data: { from: 'submitted', to: 'approved', by: 'reviewer' },
      });
      setLog(files, log);
    });
    expect(errors(result)).toEqual([]);
    expect(result.status).toBe('trusted');
  });

  it('are required: a manifest without them is reported', async () => {
    const result = await resignedDeliverable((files) => {
      editText(files, 'deliverable/manifest.json', (document) => {
        const { records: _records, ...rest } = JSON.parse(document) as Record<string, unknown>;
        return JSON.stringify(rest);
      });
    });
    expect(errors(result)).toContainEqual({
      file: 'data/deliverable/manifest.json',
      code: 'schema-violation',
    });
  });

  it('are checked only where there is a manifest, and submissions and deliverables must carry one', async () => {
    const result = await resignedDeliverable((files) => files.delete('deliverable/manifest.json'));
    expect(errors(result)).toContainEqual({
      file: 'data/deliverable/manifest.json',
      code: 'missing-document',
    });
    expect(errors(result).filter((e) => e.code.startsWith('frozen-'))).toEqual([]);
  });
});

describe('recordFrozenFiles and checkFrozenRecords on payload files', () => {
  it('record the sha512 of each frozen document as written, and check them keyed relative to data/', () => {
    const files = new Map([
      ['task.json', json({ id: 't' })],
      ['qc/checklist.json', json({ items: [] })],
      ['time/entries.json', json({ entries: [] })],
    ]);
    const records = recordFrozenFiles(files);
    const hash = createHash('sha512');
    hash.update(files.get('qc/checklist.json') ?? new Uint8Array());
    expect(records).toEqual([
      { path: 'task.json', sha512: expect.stringMatching(/^[0-9a-f]{128}$/) as unknown },
      { path: 'qc/checklist.json', sha512: hash.digestHex() },
      { path: 'time/entries.json', sha512: expect.stringMatching(/^[0-9a-f]{128}$/) as unknown },
    ]);
    files.set('deliverable/manifest.json', json({ version: 2, records }));
    expect(checkFrozenRecords(files, { root: '' })).toEqual([]);
    files.set('qc/checklist.json', json({ items: [{ id: 'x' }] }));
    expect(checkFrozenRecords(files, { root: '' })).toEqual([
      expect.objectContaining({
        file: 'qc/checklist.json',
        message:
          'not the one the analyst signed in version 2 (sha512 differs from deliverable/manifest.json)',
      }),
    ]);
  });

  it('refuse to record a version without one of its frozen documents', () => {
    expect(() => recordFrozenFiles(new Map([['task.json', json({})]]))).toThrow(/qc\/checklist\.json/);
  });
});
