import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackage, computeContentDigest, createSignoff } from '../../src/core/package';
import type { TestKey } from '../../src/core/package/fixtures.test-support';
import { json, samplePackageInput } from '../../src/core/package/fixtures.test-support';
import type { DeliverableContent } from '../../src/core/deliverable';
import { sampleContent } from '../../src/core/deliverable/fixtures.test-support';
import { withAssembledDeliverable } from './assembled-deliverable';

export interface SubmissionKeys {
  coordinator: TestKey;
  analyst: TestKey;
  reviewer: TestKey;
}

/**
 * A signed submission (version `version`) whose report is `report`, with the analyst's sign-off over
 * exactly that content. `reviewer` names the person task.json asks to review it (by default the
 * reviewer key's owner), e.g. the profile a spec onboarded in the browser. `content` replaces parts
 * of the sample deliverable (charts, checklist, ...), e.g. to make one version differ from another.
 */
export async function writeSubmissionPackage(
  keys: SubmissionKeys,
  report: string,
  name: string,
  version = 1,
  reviewer?: { name: string; keyId: string },
  content: Partial<DeliverableContent> = {},
): Promise<string> {
  const input = await samplePackageInput('submission', keys);
  // The task is part of what the analyst signs (the manifest records task.json), so the reviewer
  // it names is set before the deliverable is assembled, never patched in afterwards.
  const { task } = sampleContent(keys);
  const files = withAssembledDeliverable(input.files, keys, {
    reportMarkdown: report,
    version,
    ...(reviewer ? { task: { ...task, people: { ...task.people, reviewer } } } : {}),
    ...content,
  });
  const contentDigest = computeContentDigest(
    new Map([...files].map(([path, bytes]) => [`data/${path}`, bytes])),
  );
  const signoff = await createSignoff(
    {
      role: 'analyst',
      signer: { name: 'Ada Analyst' },
      date: '2025-03-03T09:30:00Z',
      contentDigest,
      statement: 'I did this work and the checklist is complete.',
    },
    { keyId: keys.analyst.secret.keyId, sign: keys.analyst.signer.sign },
  );
  files.set('signoffs.json', json({ signoffs: [signoff] }));
  const bytes = await buildPackage({ ...input, files, packageId: globalThis.crypto.randomUUID() });
  const path = join(mkdtempSync(join(tmpdir(), 'kpo-e2e-submission-')), name);
  writeFileSync(path, bytes);
  return path;
}
