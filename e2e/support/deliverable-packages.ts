import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackageFiles } from '../../src/core/package';
import type { TestKey } from '../../src/core/package/fixtures.test-support';
import { makeKey, samplePackageInput } from '../../src/core/package/fixtures.test-support';
import { writeZip } from '../../src/core/zip';

export interface DeliverablePackageFile {
  path: string;
  keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey };
}

/** A real deliverable (analyst and reviewer sign-offs, signed by the reviewer), optionally altered after signing. */
export async function writeDeliverablePackage(
  options: { tamper?: (files: Map<string, Uint8Array>) => void } = {},
): Promise<DeliverablePackageFile> {
  const keys = {
    coordinator: makeKey('Cora Coordinator'),
    analyst: makeKey('Ada Analyst'),
    reviewer: makeKey('Rex Reviewer'),
  };
  const files = await buildPackageFiles(await samplePackageInput('deliverable', keys));
  options.tamper?.(files);
  const bytes = writeZip(
    [...files].map(([path, data]) => ({ path, data })),
    { rootDir: files.packageId },
  );
  const path = join(mkdtempSync(join(tmpdir(), 'kpo-e2e-deliverable-')), 'regional-sales.deliverable.kpo');
  writeFileSync(path, bytes);
  return { path, keys };
}
