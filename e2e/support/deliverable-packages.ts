import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackageFiles, computeContentDigest, createSignoff } from '../../src/core/package';
import type { TestKey } from '../../src/core/package/fixtures.test-support';
import { json, makeKey, samplePackageInput } from '../../src/core/package/fixtures.test-support';
import type { DeliverableContent } from '../../src/core/deliverable';
import { withAssembledDeliverable } from './assembled-deliverable';
import { writeZip } from '../../src/core/zip';

export interface DeliverablePackageFile {
  path: string;
  keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey };
}

const REPORT_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>Findings</title></head>' +
  '<body><h1>Findings</h1><p>The north grew fastest.</p></body></html>\n';

/**
 * A real deliverable (report in Markdown and HTML; analyst and reviewer sign-offs over it; signed by
 * the reviewer), optionally altered after signing.
 */
export async function writeDeliverablePackage(
  options: {
    tamper?: (files: Map<string, Uint8Array>) => void;
    /**
     * Changes payload files (keyed relative to data/) after both sign-offs, before the reviewer signs
     * the package: what a reviewer rewriting the analyst's work would send.
     */
    editPayload?: (payload: Map<string, Uint8Array>) => void;
    /** Parts of the deliverable to replace, e.g. `reportPdf: undefined` for one without a PDF. */
    content?: Partial<DeliverableContent>;
  } = {},
): Promise<DeliverablePackageFile> {
  const keys = {
    coordinator: makeKey('Cora Coordinator'),
    analyst: makeKey('Ada Analyst'),
    reviewer: makeKey('Rex Reviewer'),
  };
  const input = await samplePackageInput('deliverable', keys);
  const payload = withAssembledDeliverable(input.files, keys, {
    reportMarkdown: '# Findings\n\nThe north grew fastest.\n',
    reportHtml: REPORT_HTML,
    tables: [{ id: 'summary', name: 'Summary', csv: 'region,growth\nnorth,0.12\nsouth,-0.03\n' }],
    timeEntries: { entries: [] },
    ...options.content,
  });
  const contentDigest = computeContentDigest(
    new Map([...payload].map(([path, bytes]) => [`data/${path}`, bytes])),
  );
  const sign = async (role: 'analyst' | 'reviewer', key: TestKey, name: string) =>
    createSignoff(
      {
        role,
        signer: { name },
        date: '2025-03-04T09:00:00Z',
        contentDigest,
        statement: `Signed by the ${role}.`,
      },
      { keyId: key.secret.keyId, sign: key.signer.sign },
    );
  payload.set(
    'signoffs.json',
    json({
      signoffs: [
        await sign('analyst', keys.analyst, 'Ada Analyst'),
        await sign('reviewer', keys.reviewer, 'Rex Reviewer'),
      ],
    }),
  );
  options.editPayload?.(payload);
  const files = await buildPackageFiles({ ...input, files: payload });
  options.tamper?.(files);
  const bytes = writeZip(
    [...files].map(([path, data]) => ({ path, data })),
    { rootDir: files.packageId },
  );
  const path = join(mkdtempSync(join(tmpdir(), 'kpo-e2e-deliverable-')), 'regional-sales.deliverable.kpo');
  writeFileSync(path, bytes);
  return { path, keys };
}
