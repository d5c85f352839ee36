import { describe, expect, it } from 'vitest';
import { buildPackageFiles, computeContentDigest, verifyPackage } from '@core/package';
import { assembleDeliverable } from '@core/deliverable';
import { sampleContent } from '@core/deliverable/fixtures.test-support';
import { makeKey, samplePackageInput } from '@core/package/fixtures.test-support';
import { zipBag } from '@core/package/tamper.test-support';
import { receivedVersion } from './package-contents';
import { reportSections, submissionBagFiles } from './submission-files';

describe('receivedVersion', () => {
  it('reads a verified submission as a stored version: task, log, payload files and the analyst sign-off', async () => {
    const keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };
    const files = await buildPackageFiles(await samplePackageInput('submission', keys));
    const verification = verifyPackage(zipBag(files, files.packageId), {
      trustedKeys: [keys.analyst.trusted],
    });
    expect(verification.status).toBe('trusted');
    const bag = verification.files ?? new Map<string, Uint8Array>();
    const version = receivedVersion({
      files: bag,
      verification,
      record: {
        packageId: files.packageId,
        kind: 'submission',
        taskId: 'task-2025-001',
        fileName: 'v1.kpo',
        sizeBytes: 1,
        verification: 'trusted',
        signerKeyId: keys.analyst.keyId,
        baggingDate: null,
        importedAt: '2025-03-05T00:00:00.000Z',
      },
    });
    expect(version.task.id).toBe('task-2025-001');
    expect(version.events.map((e) => e.type)).toEqual(['task.assigned', 'task.submitted']);
    expect(version.submittedBy).toEqual({ name: 'Ada Analyst', keyId: keys.analyst.keyId });
    expect(version.contentDigest).toBe(computeContentDigest(bag));
    expect(Object.keys(version.files)).toContain('deliverable/report.md');
    expect(Object.keys(version.files).every((path) => !path.startsWith('data/'))).toBe(true);
    // Stored files map back to the same bag paths, so the digest of a stored version is unchanged.
    const stored = { ...version, version: 1, taskId: version.task.id };
    expect(computeContentDigest(submissionBagFiles(stored))).toBe(version.contentDigest);
  });

  it('takes the version from the deliverable manifest the submission feature writes', async () => {
    const keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };
    const input = await samplePackageInput('submission', keys);
    const payload = new Map(
      [...input.files].filter(([path]) => !path.startsWith('deliverable/') && path !== 'signoffs.json'),
    );
    for (const [path, bytes] of assembleDeliverable({ ...sampleContent(keys), version: 3 }))
      payload.set(path, bytes);
    const files = await buildPackageFiles({ ...input, files: payload });
    const verification = verifyPackage(zipBag(files, files.packageId), { trustedKeys: [] });
    expect(verification.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const version = receivedVersion({
      files: verification.files ?? new Map<string, Uint8Array>(),
      verification,
      record: {
        packageId: files.packageId,
        kind: 'submission',
        taskId: 'task-2025-001',
        fileName: 'v3.kpo',
        sizeBytes: 1,
        verification: 'unknown-signer',
        signerKeyId: keys.analyst.keyId,
        baggingDate: null,
        importedAt: '2025-03-05T00:00:00.000Z',
      },
    });
    expect(version.version).toBe(3);
    expect(Object.keys(version.files)).toContain('deliverable/manifest.json');
  });
});

describe('reportSections', () => {
  it('splits a report at its headings, keeping text before the first heading as an introduction', () => {
    expect(reportSections('Summary first.\n# Findings\nNorth.\n## Method\nCounts.\n')).toEqual([
      { heading: 'Introduction', target: 'section:Introduction', text: 'Summary first.\n' },
      { heading: 'Findings', target: 'section:Findings', text: '# Findings\nNorth.\n' },
      { heading: 'Method', target: 'section:Method', text: '## Method\nCounts.\n\n' },
    ]);
  });

  it('gives a repeated heading its own target, so two findings of one title keep separate threads', () => {
    const sections = reportSections(
      '## Findings\n### Growth\nA.\n## Charts\n### Growth\nB.\n### Growth\nC.\n',
    );
    expect(sections.map((s) => s.target)).toEqual([
      'section:Findings',
      'section:Growth',
      'section:Charts',
      'section:Growth #2',
      'section:Growth #3',
    ]);
  });
});
