import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, buildPackageFiles } from './build-package';
import { makeKey, NOW, PACKAGE_ID, samplePackageInput, TASK_ID } from './fixtures.test-support';
import type { TestKey } from './fixtures.test-support';
import { PACKAGE_KINDS } from './types';
import type { PackageKind, VerifyPackageResult } from './types';
import { verifyPackage } from './verify-package';
import { writeFileSync } from 'node:fs';

const MINISIGN = '/usr/bin/minisign';
const UNZIP = '/usr/bin/unzip';

let keys: { coordinator: TestKey; analyst: TestKey; reviewer: TestKey };
let trustedKeys: TestKey['trusted'][];
let scratch: string;

beforeAll(() => {
  keys = { coordinator: makeKey('Cora'), analyst: makeKey('Ada'), reviewer: makeKey('Rex') };
  trustedKeys = [keys.coordinator.trusted, keys.analyst.trusted, keys.reviewer.trusted];
  scratch = mkdtempSync(join(tmpdir(), 'kpo-package-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function readTree(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

function errors(result: VerifyPackageResult): { file: string; code: string }[] {
  return result.findings.filter((f) => f.severity === 'error').map(({ file, code }) => ({ file, code }));
}

describe('every package kind round-trips', () => {
  it.each(PACKAGE_KINDS)(
    '%s: build → verify trusted → unzip → our validator and minisign -V agree',
    async (kind: PackageKind) => {
      const kpo = await buildPackage(await samplePackageInput(kind, keys));
      const result = verifyPackage(kpo, { trustedKeys });
      expect(errors(result)).toEqual([]);
      expect(result.findings.filter((f) => f.severity === 'warning')).toEqual([]);
      expect(result.status).toBe('trusted');
      expect(result.info).toEqual({
        kind,
        taskId: TASK_ID,
        packageId: PACKAGE_ID,
        formatVersion: '1.0',
        baggingDate: '2025-03-04',
      });
      expect(result.files?.has('data/task.json')).toBe(true);

      const dir = mkdtempSync(join(scratch, `${kind}-`));
      const kpoPath = join(dir, 'package.kpo');
      writeFileSync(kpoPath, kpo);
      const unzip = spawnSync(UNZIP, ['-q', kpoPath, '-d', dir], { encoding: 'utf8' });
      expect(unzip.status, unzip.stderr).toBe(0);
      const bagDir = join(dir, PACKAGE_ID);
      expect(verifyPackage(readTree(bagDir), { trustedKeys }).status).toBe('trusted');

      const minisign = spawnSync(
        MINISIGN,
        ['-V', '-m', 'tagmanifest-sha512.txt', '-p', 'signer.pub', '-x', 'tagmanifest-sha512.txt.minisig'],
        { cwd: bagDir, encoding: 'utf8' },
      );
      expect(minisign.error).toBeUndefined();
      expect(minisign.status, minisign.stderr).toBe(0);
      expect(minisign.stdout).toContain(`kpo package=${PACKAGE_ID} kind=${kind}`);
      const sha = spawnSync(
        'sha512sum',
        ['-c', '--strict', '--quiet', 'manifest-sha512.txt', 'tagmanifest-sha512.txt'],
        { cwd: bagDir, encoding: 'utf8' },
      );
      expect(sha.status, sha.stdout + sha.stderr).toBe(0);
    },
  );

  it('is deterministic: same input, same bytes', async () => {
    const input = await samplePackageInput('task', keys);
    expect(await buildPackage(input)).toEqual(await buildPackage(input));
  });

  it('writes RO-Crate 1.2 and a Frictionless Data Package describing the CSVs', async () => {
    const files = await buildPackageFiles(await samplePackageInput('submission', keys));
    const crate = JSON.parse(new TextDecoder().decode(files.get('data/ro-crate-metadata.json'))) as {
      '@context': string;
      '@graph': Record<string, unknown>[];
    };
    expect(crate['@context']).toBe('https://w3id.org/ro/crate/1.2/context');
    const byId = new Map(crate['@graph'].map((entity) => [entity['@id'], entity]));
    expect(byId.get('ro-crate-metadata.json')).toMatchObject({
      conformsTo: { '@id': 'https://w3id.org/ro/crate/1.2' },
      about: { '@id': './' },
    });
    const root = byId.get('./') as { hasPart: { '@id': string }[]; datePublished: string };
    expect(root).toMatchObject({ '@type': 'Dataset', datePublished: NOW.toISOString() });
    const payloadPaths = [...files.keys()]
      .filter((p) => p.startsWith('data/') && p !== 'data/ro-crate-metadata.json')
      .map((p) => p.slice(5));
    expect(root.hasPart.map((part) => part['@id']).sort()).toEqual(payloadPaths.sort());
    expect(byId.get('datasets/sales.csv')).toMatchObject({
      '@type': 'File',
      encodingFormat: 'text/csv',
      contentSize: String(files.get('data/datasets/sales.csv')?.length),
    });
    expect(byId.get(`#person-${keys.analyst.keyId}`)).toMatchObject({
      '@type': 'Person',
      name: 'Ada Analyst',
    });
    expect(byId.get('#action-analyst')).toMatchObject({
      '@type': 'CreateAction',
      agent: { '@id': `#person-${keys.analyst.keyId}` },
    });

    const dp = JSON.parse(new TextDecoder().decode(files.get('data/datapackage.json'))) as {
      resources: Record<string, unknown>[];
    };
    const sales = dp.resources.find((r) => r.path === 'datasets/sales.csv');
    const expectedHash = spawnSync('sha256sum', {
      input: files.get('data/datasets/sales.csv'),
      encoding: 'utf8',
    }).stdout.split(' ')[0];
    expect(sales).toMatchObject({
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: files.get('data/datasets/sales.csv')?.length,
      hash: `sha256:${expectedHash}`,
      schema: {
        fields: [
          { name: 'region', type: 'string' },
          { name: 'quarter', type: 'date' },
          { name: 'total', type: 'number' },
          { name: 'orders', type: 'integer' },
        ],
      },
    });
    const summary = dp.resources.find((r) => r.path === 'deliverable/tables/summary.csv');
    expect(summary).toBeDefined();
    expect(summary).not.toHaveProperty('schema');
  });
});
