import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackageFiles } from '../../src/core/package';
import type { TestKey } from '../../src/core/package/fixtures.test-support';
import { makeKey, samplePackageInput } from '../../src/core/package/fixtures.test-support';
import { writeZip } from '../../src/core/zip';

export interface TaskPackageFile {
  path: string;
  coordinator: TestKey;
}

/** A real signed task package written to a temp file, optionally altered after signing. */
export async function writeTaskPackage(
  options: { tamper?: (files: Map<string, Uint8Array>) => void; coordinator?: TestKey } = {},
): Promise<TaskPackageFile> {
  const coordinator = options.coordinator ?? makeKey('Cora Coordinator');
  const input = await samplePackageInput('task', {
    coordinator,
    analyst: makeKey('Ada Analyst'),
    reviewer: makeKey('Rex Reviewer'),
  });
  const files = await buildPackageFiles(input);
  options.tamper?.(files);
  const bytes = writeZip(
    [...files].map(([path, data]) => ({ path, data })),
    { rootDir: files.packageId },
  );
  const path = join(mkdtempSync(join(tmpdir(), 'kpo-e2e-pkg-')), 'regional-sales.kpo');
  writeFileSync(path, bytes);
  return { path, coordinator };
}
