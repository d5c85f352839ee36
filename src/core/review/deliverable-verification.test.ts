import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, buildPackageFiles, createSignoff, verifyPackage } from '../package';
import type { TrustedKey } from '../package';
import type { TestKey } from '../package/fixtures.test-support';
import { json, makeKey, PACKAGE_ID, samplePackageInput } from '../package/fixtures.test-support';
import { flipByte, zipBag } from '../package/tamper.test-support';
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
