import { describe, expect, it } from 'vitest';
import { buildBag, validateBag } from '../bagit';
import { loadNodeRuntime } from '../bagit/node-runtime.test-support';
import { readCentralDirectory } from './central-directory';
import { readZipSafely } from './read-zip';
import { DEFAULT_ZIP_LIMITS } from './types';
import { writeZip, ZipWriteError } from './write-zip';

const node = await loadNodeRuntime();
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

const INFO = {
  'Source-Organization': 'Acme Analytics',
  'Contact-Name': 'Ada Analyst',
  'External-Identifier': 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
  'KPO-Package-Kind': 'deliverable',
  'KPO-Task-Id': 'task-42',
  'KPO-Format-Version': '1',
};

function samplePackage({ withPercentName = true } = {}): Map<string, Uint8Array> {
  const bag = buildBag({
    payload: new Map([
      ['data/datasets/sales.csv', text('region,total\n'.concat('north,12\n'.repeat(500)))],
      ['data/deliverable/chart.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])],
      ['data/task.json', text('{"brief":"totals"}')],
      ...(withPercentName ? [['data/odd name 100%.md', text('# ok')] as const] : []),
    ]),
    info: INFO,
    now: new Date('2025-05-06T00:00:00Z'),
  });
  bag.set('tagmanifest-sha512.txt.minisig', text('untrusted comment: signature from minisign\n'));
  return bag;
}

const entriesOf = (files: Map<string, Uint8Array>): { path: string; data: Uint8Array }[] =>
  [...files].map(([path, data]) => ({ path, data }));

describe('writeZip', () => {
  it('round-trips a bag through the zip and the bag still validates', () => {
    const bag = samplePackage();
    const result = readZipSafely(writeZip(entriesOf(bag), { rootDir: 'pkg-0001' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rootDir).toBe('pkg-0001');
    expect(new Map([...result.files].sort())).toEqual(new Map([...bag].sort()));
    expect(validateBag(result.files)).toEqual({ valid: true, findings: [] });
  });

  it('writes identical bytes for identical input, whatever the input order', () => {
    const entries = entriesOf(samplePackage());
    const a = writeZip(entries, { rootDir: 'pkg' });
    const b = writeZip([...entries].reverse(), { rootDir: 'pkg' });
    expect(b).toEqual(a);
  });

  it('orders the bag for humans, fixes timestamps, stores compressed formats and deflates text', () => {
    const zip = writeZip(entriesOf(samplePackage()), { rootDir: 'pkg' });
    const parsed = readCentralDirectory(zip, DEFAULT_ZIP_LIMITS);
    if (!('directory' in parsed)) throw new Error(parsed.error.message);
    const entries = parsed.directory.entries;
    expect(entries.map(({ name }) => name)).toEqual([
      'pkg/bagit.txt',
      'pkg/bag-info.txt',
      'pkg/manifest-sha512.txt',
      'pkg/tagmanifest-sha512.txt',
      'pkg/tagmanifest-sha512.txt.minisig',
      'pkg/data/datasets/sales.csv',
      'pkg/data/deliverable/chart.png',
      'pkg/data/odd name 100%.md',
      'pkg/data/task.json',
    ]);
    const methodOf = (name: string): number | undefined =>
      entries.find((entry) => entry.name === name)?.method;
    expect(methodOf('pkg/data/deliverable/chart.png')).toBe(0);
    expect(methodOf('pkg/data/datasets/sales.csv')).toBe(8);
    // DOS time 00:00:00 and date 1980-01-01 (0x0021) in the first local header, in any time zone.
    const header = new DataView(zip.buffer, zip.byteOffset, 30);
    expect([header.getUint16(10, true), header.getUint16(12, true)]).toEqual([0, 0x0021]);
  });

  it('refuses unsafe paths, duplicates and a bad rootDir', () => {
    expect(() => writeZip([{ path: '../x', data: text('') }], { rootDir: 'pkg' })).toThrow(ZipWriteError);
    expect(() => writeZip([{ path: 'a', data: text('') }], { rootDir: 'a/b' })).toThrow(ZipWriteError);
    expect(() => writeZip([{ path: 'a', data: text('') }], { rootDir: '..' })).toThrow(ZipWriteError);
    expect(() =>
      writeZip(
        [
          { path: 'a', data: text('') },
          { path: 'a', data: text('') },
        ],
        { rootDir: 'pkg' },
      ),
    ).toThrow(/twice/);
  });

  // sha512sum knows nothing of BagIt's percent-encoding, so names with %, CR or LF are left out here.
  it('produces a package that unzip and sha512sum accept on their own', () => {
    const zip = writeZip(entriesOf(samplePackage({ withPercentName: false })), { rootDir: 'pkg' });
    node.withTempDir((dir) => {
      const path = node.joinPath(dir, 'package.kpo');
      node.writeFile(path, zip);
      const test = node.run('unzip', ['-tq', path]);
      if (!test) return; // unzip not installed
      expect(test.status).toBe(0);
      expect(node.run('unzip', ['-q', path, '-d', dir])?.status).toBe(0);
      const check = node.run('sha512sum', ['-c', '--strict', 'manifest-sha512.txt'], {
        cwd: node.joinPath(dir, 'pkg'),
      });
      if (!check) return;
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    });
  });
});
