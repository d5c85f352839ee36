import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackageFiles } from './build-package';
import { makeKey, PACKAGE_ID, samplePackageInput } from './fixtures.test-support';
import type { TestKey } from './fixtures.test-support';
import {
  editText,
  flipByte,
  resign,
  rewritePayloadManifest,
  rewriteTagManifest,
  trustedCommentOf,
  zipBag,
} from './tamper.test-support';
import type { PackageKind, VerifyPackageResult } from './types';
import { verifyPackage } from './verify-package';

let keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey };
let trustedKeys: TestKey['trusted'][];
let mallory: TestKey;

beforeAll(() => {
  keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };
  trustedKeys = [keys.coordinator.trusted, keys.analyst.trusted, keys.reviewer.trusted];
  mallory = makeKey('Mallory');
});

async function freshBag(kind: PackageKind = 'submission'): Promise<Map<string, Uint8Array>> {
  return new Map(await buildPackageFiles(await samplePackageInput(kind, keys)));
}

/** Zips the edited bag (tampering happens to the unzipped files) and verifies the bytes, as import does. */
function verifyEdited(files: Map<string, Uint8Array>, trust = trustedKeys): VerifyPackageResult {
  return verifyPackage(zipBag(files, PACKAGE_ID), { trustedKeys: trust });
}

function errors(result: VerifyPackageResult): { file: string; code: string }[] {
  return result.findings.filter((f) => f.severity === 'error').map(({ file, code }) => ({ file, code }));
}

describe('tampering is detected with the file and the reason', () => {
  it('an untouched package verifies as trusted (the control for every case below)', async () => {
    const result = verifyEdited(await freshBag());
    expect(result.status).toBe('trusted');
    expect(errors(result)).toEqual([]);
  });

  it('one changed byte in a payload file', async () => {
    const files = await freshBag();
    flipByte(files, 'data/datasets/sales.csv', 10);
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(result.files).toBeNull();
    expect(errors(result)).toContainEqual({ file: 'data/datasets/sales.csv', code: 'checksum-mismatch' });
  });

  it('one changed byte in bag-info.txt', async () => {
    const files = await freshBag();
    editText(files, 'bag-info.txt', (text) => text.replace('Contact-Name: ', 'Contact-Name: X'));
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toContainEqual({ file: 'bag-info.txt', code: 'checksum-mismatch' });
  });

  it('a manifest edited to match a changed payload file', async () => {
    const files = await freshBag();
    editText(files, 'data/deliverable/report.md', (text) => text.replace('north', 'south'));
    editText(files, 'manifest-sha512.txt', (text) => text.replace(/^[0-9a-f]{4}/m, '0000'));
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toContainEqual({ file: 'manifest-sha512.txt', code: 'checksum-mismatch' });
  });

  it('a forger who also rewrites the tag manifest is caught by the signature', async () => {
    const files = await freshBag();
    editText(files, 'data/deliverable/report.md', (text) => text.replace('north', 'south'));
    rewritePayloadManifest(files);
    rewriteTagManifest(files);
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toContainEqual({
      file: 'tagmanifest-sha512.txt.minisig',
      code: 'signature-bad-signature',
    });
  });

  it('one changed byte in the signature', async () => {
    const files = await freshBag();
    const signature = files.get('tagmanifest-sha512.txt.minisig') ?? new Uint8Array();
    const lines = new TextDecoder().decode(signature).split('\n');
    const sigLine = lines[1] ?? '';
    // Change one base64 character of the signature itself (past the algorithm and key id bytes).
    const at = 20;
    lines[1] = sigLine.slice(0, at) + (sigLine[at] === 'A' ? 'B' : 'A') + sigLine.slice(at + 1);
    files.set('tagmanifest-sha512.txt.minisig', new TextEncoder().encode(lines.join('\n')));
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(errors(result).map((e) => e.file)).toEqual(['tagmanifest-sha512.txt.minisig']);
  });

  it('a payload file added, removed or renamed', async () => {
    const added = await freshBag();
    added.set('data/deliverable/extra.txt', new TextEncoder().encode('slipped in\n'));
    expect(errors(verifyEdited(added))).toContainEqual({
      file: 'data/deliverable/extra.txt',
      code: 'unlisted-payload-file',
    });

    const removed = await freshBag();
    removed.delete('data/deliverable/report.md');
    expect(errors(verifyEdited(removed))).toContainEqual({
      file: 'data/deliverable/report.md',
      code: 'missing-payload-file',
    });

    const renamed = await freshBag();
    const report = renamed.get('data/deliverable/report.md') ?? new Uint8Array();
    renamed.delete('data/deliverable/report.md');
    renamed.set('data/deliverable/report-final.md', report);
    const result = verifyEdited(renamed);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toEqual(
      expect.arrayContaining([
        { file: 'data/deliverable/report.md', code: 'missing-payload-file' },
        { file: 'data/deliverable/report-final.md', code: 'unlisted-payload-file' },
      ]),
    );
  });

  it('a package re-signed by another key is at best an unknown signer, never trusted', async () => {
    const files = await freshBag();
    editText(files, 'data/deliverable/report.md', (text) => text.replace('north', 'south'));
    files.delete('data/signoffs.json');
    rewritePayloadManifest(files);
    const comment = trustedCommentOf(files).replace(keys.analyst.keyId, mallory.keyId);
    await resign(files, mallory, { embedKey: true, trustedComment: comment });
    const result = verifyEdited(files);
    expect(errors(result)).toEqual([]);
    expect(result.status).toBe('unknown-signer');
    expect(result.signer?.keyId).toBe(mallory.keyId);
  });

  it('a signature that claims a trusted key id but was made by another key', async () => {
    const files = await freshBag();
    await resign(files, mallory, {
      embedKey: false,
      trustedComment: trustedCommentOf(files),
      claimedKeyId: keys.analyst.secret.keyId,
    });
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toEqual([
      { file: 'tagmanifest-sha512.txt.minisig', code: 'signature-bad-signature' },
    ]);
  });

  it('a manifest line pointing outside the bag, even re-signed by a trusted key', async () => {
    const files = await freshBag();
    editText(files, 'manifest-sha512.txt', (text) => `${text}${'0'.repeat(128)}  data/../../etc/passwd\n`);
    await resign(files, keys.analyst, { embedKey: false, trustedComment: trustedCommentOf(files) });
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toContainEqual({ file: 'manifest-sha512.txt', code: 'path-traversal' });
  });

  it('a signature lifted onto a package of another kind', async () => {
    const files = await freshBag('submission');
    editText(files, 'bag-info.txt', (text) =>
      text.replace('KPO-Package-Kind: submission', 'KPO-Package-Kind: deliverable'),
    );
    rewriteTagManifest(files);
    await resign(files, keys.analyst, { embedKey: false, trustedComment: trustedCommentOf(files) });
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toContainEqual({
      file: 'tagmanifest-sha512.txt.minisig',
      code: 'trusted-comment-mismatch',
    });
  });
});

describe('contents are checked against the format', () => {
  it('a package of a newer format version is refused with a message that says so', async () => {
    const files = await freshBag('task');
    editText(files, 'bag-info.txt', (text) =>
      text.replace('KPO-Format-Version: 1.0', 'KPO-Format-Version: 2.0'),
    );
    await resign(files, keys.coordinator, { embedKey: false, trustedComment: trustedCommentOf(files) });
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    const finding = result.findings.find((f) => f.code === 'newer-format-version');
    expect(finding?.file).toBe('bag-info.txt');
    expect(finding?.message).toMatch(/newer KPO Workbench \(format 2\.0\)/);
  });

  it('a task.json that breaks its schema is named with the JSON path, even when properly signed', async () => {
    const files = await freshBag('task');
    editText(files, 'data/task.json', (text) => text.replace(/"due": "[^"]*"/, '"due": "next week"'));
    rewritePayloadManifest(files);
    await resign(files, keys.coordinator, { embedKey: false, trustedComment: trustedCommentOf(files) });
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    const finding = result.findings.find((f) => f.code === 'schema-violation');
    expect(finding?.file).toBe('data/task.json');
    expect(finding?.message).toContain('due');
  });

  it('a sign-off over different content than the package holds is reported', async () => {
    const files = await freshBag('submission');
    editText(files, 'data/deliverable/report.md', (text) => text.replace('north', 'south'));
    rewritePayloadManifest(files);
    await resign(files, keys.analyst, { embedKey: false, trustedComment: trustedCommentOf(files) });
    const result = verifyEdited(files);
    expect(result.status).toBe('invalid');
    expect(errors(result)).toContainEqual({ file: 'data/signoffs.json', code: 'signoff-digest-mismatch' });
  });
});
