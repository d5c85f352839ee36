import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendAuditEvent,
  buildPackage,
  buildPackageFiles,
  createSignoff,
  serializeAuditLog,
  verifyPackage,
} from '../package';
import type { AuditEvent, TrustedKey } from '../package';
import type { TestKey } from '../package/fixtures.test-support';
import { json, makeKey, PACKAGE_ID, samplePackageInput, text } from '../package/fixtures.test-support';
import { editPayloadAndResign, editText, flipByte, zipBag } from '../package/tamper.test-support';
import { verifyDeliverable } from './deliverable-verification';

let keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey };
let allTrusted: TrustedKey[];

beforeAll(() => {
  keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };
  allTrusted = [keys.coordinator.trusted, keys.analyst.trusted, keys.reviewer.trusted];
});

const check = (bytes: Uint8Array, trusted: TrustedKey[]) =>
  verifyDeliverable(verifyPackage(bytes, { trustedKeys: trusted }), trusted);

describe('verifyDeliverable', () => {
  it('accepts an intact deliverable signed off by trusted analyst and reviewer', async () => {
    const bytes = await buildPackage(await samplePackageInput('deliverable', keys));
    const result = check(bytes, allTrusted);
    expect(result.status).toBe('trusted');
    expect(result.reasons).toEqual([]);
    expect(result.intactFiles).toContain('data/deliverable/report.md');
    expect(result.signoffs).toEqual([
      expect.objectContaining({
        role: 'analyst',
        signerName: 'Ada Analyst',
        keyId: keys.analyst.keyId,
        keyTrusted: true,
        signature: 'valid',
        coversThisContent: true,
      }),
      expect.objectContaining({
        role: 'reviewer',
        keyTrusted: true,
        signature: 'valid',
        coversThisContent: true,
      }),
    ]);
  });

  it.each([
    'data/deliverable/report.md',
    'data/deliverable/tables/summary.csv',
    'data/signoffs.json',
    'data/task.json',
  ])('refuses a deliverable with one byte of %s changed, naming that file', async (path) => {
    const files = await buildPackageFiles(await samplePackageInput('deliverable', keys));
    flipByte(files, path, 3);
    const result = check(zipBag(files, PACKAGE_ID), allTrusted);
    expect(result.status).toBe('refused');
    expect(result.reasons.some((reason) => reason.startsWith(path))).toBe(true);
    expect(result.reasons.join('\n')).toContain(path);
  });

  /** The sample deliverable with its payload edited and the bag re-signed by its signer, the reviewer. */
  const resigned = async (edit: (payload: Map<string, Uint8Array>) => void) => {
    const bag = new Map(await buildPackageFiles(await samplePackageInput('deliverable', keys)));
    await editPayloadAndResign(bag, keys.reviewer, edit);
    return check(zipBag(bag, PACKAGE_ID), allTrusted);
  };
  const eventsOf = (payload: ReadonlyMap<string, Uint8Array>): AuditEvent[] =>
    new TextDecoder()
      .decode(payload.get('audit/events.jsonl'))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as AuditEvent);

  it.each([
    ['qc/checklist.json', '"result": "pass"', '"result": "fail"'],
    ['time/entries.json', '"minutes": 240', '"minutes": 2400'],
    ['task.json', '"estimateHours": 12', '"estimateHours": 92'],
  ])(
    'refuses a re-signed deliverable whose %s is not the one the analyst signed, naming it',
    async (path, from, to) => {
      const result = await resigned((payload) => {
        editText(payload, path, (document) => document.replace(from, to));
      });
      expect(result.status).toBe('refused');
      // The sign-offs still cover data/deliverable/: only the manifest's record of the file tells.
      expect(result.signoffs.every((s) => s.coversThisContent && s.signature === 'valid')).toBe(true);
      expect(result.reasons).toEqual([
        `data/${path}: not the one the analyst signed in version 1 (sha512 differs from data/deliverable/manifest.json) (KPO §7 sign-off)`,
      ]);
    },
  );

  it('refuses a re-signed deliverable whose frozen audit events were rewritten', async () => {
    const result = await resigned((payload) => {
      const [first, ...rest] = eventsOf(payload);
      if (!first) throw new Error('the sample log has events');
      const rewritten = [{ ...first, actor: keys.reviewer.keyId }, ...rest].reduce<AuditEvent[]>(
        (log, { at, actor, type, data }) => appendAuditEvent(log, { at, actor, type, data }),
        [],
      );
      payload.set('audit/events.jsonl', text(serializeAuditLog(rewritten)));
    });
    expect(result.status).toBe('refused');
    expect(result.reasons).toEqual([
      expect.stringMatching(
        /^data\/audit\/events\.jsonl: line 1 is not the last of the 1 audit events version 1 was frozen with: .*\(KPO §7 sign-off\)$/,
      ),
    ]);
  });

  it('accepts a deliverable whose log goes on after the frozen events (the review decisions)', async () => {
    const result = await resigned((payload) => {
      const log = appendAuditEvent(eventsOf(payload), {
        at: '2025-03-04T09:00:00Z',
        actor: keys.reviewer.keyId,
        type: 'task.state-changed',
        data: { from: 'submitted', to: 'approved', by: 'reviewer' },
      });
      payload.set('audit/events.jsonl', text(serializeAuditLog(log)));
    });
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('trusted');
  });

  it('marks a deliverable whose signers are not in the trust list, without refusing it', async () => {
    const bytes = await buildPackage(await samplePackageInput('deliverable', keys));
    const result = check(bytes, [keys.coordinator.trusted]);
    expect(result.status).toBe('unknown-signer');
    expect(result.packageSigner).toEqual({ keyId: keys.reviewer.keyId, trusted: false });
    const reviewer = result.signoffs.find((s) => s.role === 'reviewer');
    const analyst = result.signoffs.find((s) => s.role === 'analyst');
    // The reviewer signed the package, so its embedded key checks the reviewer's sign-off.
    expect(reviewer).toMatchObject({ keyTrusted: false, signature: 'valid' });
    expect(analyst).toMatchObject({ keyTrusted: false, signature: 'unchecked' });
  });

  it('reports a sign-off whose digest does not match the content', async () => {
    const input = await samplePackageInput('deliverable', keys);
    const signoffs = JSON.parse(new TextDecoder().decode(input.files.get('signoffs.json'))) as {
      signoffs: unknown[];
    };
    const otherContent = await createSignoff(
      {
        role: 'reviewer',
        signer: { name: 'Rex Reviewer' },
        date: '2025-03-04T09:00:00Z',
        contentDigest: 'a'.repeat(128),
        statement: 'Reviewed and approved.',
      },
      { keyId: keys.reviewer.secret.keyId, sign: keys.reviewer.signer.sign },
    );
    const files = new Map(input.files).set(
      'signoffs.json',
      json({ signoffs: [signoffs.signoffs[0], otherContent] }),
    );
    const result = check(await buildPackage({ ...input, files }), allTrusted);
    expect(result.status).toBe('refused');
    expect(result.reasons.join('\n')).toMatch(/data\/signoffs\.json.*reviewer.*different deliverable/);
  });

  it('refuses a deliverable that lacks the reviewer sign-off', async () => {
    const input = await samplePackageInput('deliverable', keys);
    const signoffs = JSON.parse(new TextDecoder().decode(input.files.get('signoffs.json'))) as {
      signoffs: unknown[];
    };
    const files = new Map(input.files).set('signoffs.json', json({ signoffs: [signoffs.signoffs[0]] }));
    const result = check(await buildPackage({ ...input, files }), allTrusted);
    expect(result.status).toBe('refused');
    expect(result.reasons).toEqual(['data/signoffs.json: the deliverable has no reviewer sign-off']);
  });

  it('refuses a deliverable the analyst approved themselves, naming the four-eyes rule', async () => {
    const selfApproved = { ...keys, reviewer: keys.analyst };
    const result = check(
      await buildPackage(await samplePackageInput('deliverable', selfApproved)),
      allTrusted,
    );
    expect(result.status).toBe('refused');
    expect(result.reasons).toEqual([
      expect.stringMatching(
        /^data\/signoffs\.json: .*reviewer.*signed by the analyst's own key [0-9A-F]{16}.*\(KPO §7 four-eyes\)$/,
      ),
    ]);
  });

  it('refuses a deliverable approved by someone other than the reviewer task.json names', async () => {
    const mallory = makeKey('Mallory');
    const input = await samplePackageInput('deliverable', { ...keys, reviewer: mallory });
    const named = await samplePackageInput('deliverable', keys);
    const files = new Map(input.files).set('task.json', named.files.get('task.json') ?? json({}));
    const result = check(await buildPackage({ ...input, files }), [...allTrusted, mallory.trusted]);
    expect(result.status).toBe('refused');
    expect(result.reasons.join('\n')).toContain(
      `signed by key ${mallory.keyId}, but data/task.json names Rex Reviewer (${keys.reviewer.keyId}) as the task's reviewer`,
    );
  });

  it('refuses a package of another kind', async () => {
    const bytes = await buildPackage(await samplePackageInput('submission', keys));
    const result = check(bytes, allTrusted);
    expect(result.status).toBe('refused');
    expect(result.reasons).toContain('bag-info.txt: this is a submission package, not a deliverable');
  });
});
