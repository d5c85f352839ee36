import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadNodeRuntime } from '../bagit/node-runtime.test-support';
import { craftZip } from './craft-zip.test-support';
import { readZipSafely } from './read-zip';
import type { ZipReadResult } from './types';
import { writeZip } from './write-zip';

const node = await loadNodeRuntime();
const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const MiB = 1024 * 1024;

function codes(result: ZipReadResult): string[] {
  return result.ok ? [] : result.errors.map(({ code }) => code);
}

function refusal(result: ZipReadResult): { entry: string; code: string }[] {
  return result.ok ? [] : result.errors.map(({ entry, code }) => ({ entry, code }));
}

/** Runs `read` and returns how many bytes of ArrayBuffer memory grew while it ran. */
function arrayBufferGrowth(read: () => ZipReadResult): { result: ZipReadResult; growth: number } {
  node.collectGarbage();
  const before = node.memory().arrayBuffers;
  const result = read();
  const growth = node.memory().arrayBuffers - before;
  return { result, growth };
}

describe('readZipSafely accepts honest archives', () => {
  it('reads what a crafted, well-formed archive holds, stored and deflated', () => {
    const zip = craftZip([
      { name: 'pkg/bagit.txt', content: text('BagIt-Version: 1.0\n'), method: 0 },
      { name: 'pkg/data/', content: new Uint8Array(0), method: 0 },
      { name: 'pkg/data/a.csv', content: text('x\n'.repeat(100)) },
    ]);
    const result = readZipSafely(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rootDir).toBe('pkg');
    expect([...result.files.keys()]).toEqual(['bagit.txt', 'data/a.csv']);
    expect(new TextDecoder().decode(result.files.get('data/a.csv'))).toBe('x\n'.repeat(100));
  });
});

describe('readZipSafely refuses hostile archives before inflating', () => {
  it('refuses a small archive whose directory declares gigabytes, without allocating them', () => {
    const zip = craftZip([
      { name: 'pkg/a.csv', content: text('tiny'), uncompressedSize: 0xf0000000 },
      { name: 'pkg/b.csv', content: text('tiny'), uncompressedSize: 0xf0000000 },
      { name: 'pkg/c.csv', content: text('tiny'), zip64Sizes: { uncompressed: 1n << 40n, compressed: 6n } },
    ]);
    expect(zip.length).toBeLessThan(1024);
    const { result, growth } = arrayBufferGrowth(() => readZipSafely(zip));
    expect(codes(result)).toEqual([
      'compression-ratio',
      'compression-ratio',
      'compression-ratio',
      'total-size-exceeded',
    ]);
    expect(refusal(result)[2]).toEqual({ entry: 'pkg/c.csv', code: 'compression-ratio' });
    expect(growth).toBeLessThan(8 * MiB);
  });

  it('refuses a ratio bomb: 50 MB of zeros deflated to kilobytes', () => {
    const zeros = new Uint8Array(50 * MiB);
    const zip = craftZip([
      { name: 'pkg/data/zeros.csv', storedBytes: deflateSync(zeros), uncompressedSize: zeros.length, crc: 0 },
    ]);
    expect(zip.length).toBeLessThan(MiB);
    const { result, growth } = arrayBufferGrowth(() => readZipSafely(zip));
    expect(refusal(result)).toEqual([{ entry: 'pkg/data/zeros.csv', code: 'compression-ratio' }]);
    expect(growth).toBeLessThan(8 * MiB);
  });

  it('stops inflating an entry whose data is larger than its header says', () => {
    const zeros = new Uint8Array(40 * MiB);
    // 60 KB declared: under the ratio threshold, so only the inflation cap can catch the lie.
    const zip = craftZip([
      { name: 'pkg/data/liar.bin', storedBytes: deflateSync(zeros), uncompressedSize: 60_000, crc: 0 },
    ]);
    const { result, growth } = arrayBufferGrowth(() => readZipSafely(zip));
    expect(refusal(result)).toEqual([{ entry: 'pkg/data/liar.bin', code: 'size-mismatch' }]);
    expect(result.ok ? '' : result.errors[0]?.message).toContain('more than the declared 60000 bytes');
    expect(growth).toBeLessThan(16 * MiB);
  });

  it('refuses unsafe names, each with its own code', () => {
    const cases: [string, string][] = [
      ['../evil', 'path-traversal'],
      ['pkg/data/../../evil', 'path-traversal'],
      ['/abs', 'absolute-path'],
      ['C:/x', 'absolute-path'],
      ['C:\\x', 'backslash-in-name'],
      ['a\\b', 'backslash-in-name'],
      ['pkg/a\0b', 'control-char-in-name'],
      ['pkg//a', 'malformed-name'],
      ['pkg/./a', 'malformed-name'],
    ];
    for (const [name, code] of cases) {
      const result = readZipSafely(craftZip([{ name, content: text('x') }]));
      expect(refusal(result), name).toContainEqual({ entry: name, code });
    }
  });

  it('refuses duplicates, case/normalisation collisions and file/directory clashes', () => {
    const duplicate = craftZip([
      { name: 'pkg/a.txt', content: text('1') },
      { name: 'pkg/a.txt', content: text('2') },
    ]);
    expect(refusal(readZipSafely(duplicate))).toEqual([{ entry: 'pkg/a.txt', code: 'duplicate-name' }]);
    const caseOnly = craftZip([
      { name: 'pkg/Report.md', content: text('1') },
      { name: 'pkg/report.md', content: text('2') },
    ]);
    expect(codes(readZipSafely(caseOnly))).toEqual(['name-collision']);
    const nfd = craftZip([
      { name: 'pkg/caf\u00e9.csv', content: text('1') },
      { name: 'pkg/cafe\u0301.csv', content: text('2') },
    ]);
    expect(codes(readZipSafely(nfd))).toEqual(['name-collision']);
    const clash = craftZip([
      { name: 'pkg/data', content: text('1') },
      { name: 'pkg/data/x', content: text('2') },
    ]);
    expect(codes(readZipSafely(clash))).toEqual(['file-directory-conflict']);
  });

  it('refuses symlinks, special files, encryption and unknown compression', () => {
    const result = readZipSafely(
      craftZip([
        {
          name: 'pkg/link',
          content: text('/etc/passwd'),
          method: 0,
          externalAttributes: (0o120777 << 16) >>> 0,
        },
        { name: 'pkg/fifo', content: text(''), method: 0, externalAttributes: (0o010644 << 16) >>> 0 },
        { name: 'pkg/secret', content: text('x'), flags: 0x0801 },
        { name: 'pkg/bz', content: text('x'), method: 12, storedBytes: text('BZh') },
      ]),
    );
    expect(refusal(result)).toEqual([
      { entry: 'pkg/link', code: 'symlink' },
      { entry: 'pkg/fifo', code: 'special-file' },
      { entry: 'pkg/secret', code: 'encrypted-entry' },
      { entry: 'pkg/bz', code: 'unsupported-compression' },
    ]);
  });

  it('refuses more entries than the limit before walking the directory', () => {
    const many = writeZip(
      Array.from({ length: 10_001 }, (_, index) => ({ path: `data/${index}.txt`, data: new Uint8Array(0) })),
      { rootDir: 'pkg' },
    );
    expect(codes(readZipSafely(many))).toEqual(['too-many-entries']);
    const few = craftZip([
      { name: 'pkg/a', content: text('a') },
      { name: 'pkg/b', content: text('b') },
    ]);
    expect(codes(readZipSafely(few, { maxEntries: 1 }))).toEqual(['too-many-entries']);
    expect(readZipSafely(few, { maxEntries: 2 }).ok).toBe(true);
  });

  it('requires exactly one top-level directory', () => {
    expect(
      codes(
        readZipSafely(
          craftZip([
            { name: 'a/x', content: text('') },
            { name: 'b/y', content: text('') },
          ]),
        ),
      ),
    ).toEqual(['no-single-root']);
    expect(
      refusal(
        readZipSafely(
          craftZip([
            { name: 'pkg/x', content: text('') },
            { name: 'loose.txt', content: text('') },
          ]),
        ),
      ),
    ).toEqual([{ entry: 'loose.txt', code: 'no-single-root' }]);
  });

  it('detects damaged data, lying headers and non-zips', () => {
    expect(refusal(readZipSafely(craftZip([{ name: 'pkg/a', content: text('abc'), crc: 1 }])))).toEqual([
      { entry: 'pkg/a', code: 'crc-mismatch' },
    ]);
    expect(
      codes(readZipSafely(craftZip([{ name: 'pkg/a', content: text('abc'), localName: 'pkg/b' }]))),
    ).toEqual(['local-header-mismatch']);
    expect(
      codes(readZipSafely(craftZip([{ name: 'pkg/a', content: text('abc'), compressedSize: 10_000 }]))),
    ).toEqual(['entry-out-of-bounds']);
    const unicodePath = new Uint8Array([0x75, 0x70, 9, 0, 1, 0, 0, 0, 0, ...text('pkg/b')]);
    expect(
      codes(readZipSafely(craftZip([{ name: 'pkg/a', content: text('abc'), centralExtra: unicodePath }]))),
    ).toEqual(['ambiguous-name']);
    expect(codes(readZipSafely(text('definitely not a zip file, just text')))).toEqual(['not-a-zip']);
    expect(
      codes(readZipSafely(craftZip([{ name: 'pkg/a', content: text('a') }], { declaredEntryCount: 5 }))),
    ).toEqual(['corrupt-archive']);
  });

  it('agrees with `unzip -t` on which archives are intact', () => {
    const archives: [string, Uint8Array][] = [
      ['honest', writeZip([{ path: 'data/a.csv', data: text('a,b\n1,2\n') }], { rootDir: 'pkg' })],
      ['bad crc', craftZip([{ name: 'pkg/a', content: text('abc'), crc: 1 }])],
      [
        'corrupt deflate',
        craftZip([{ name: 'pkg/a', storedBytes: new Uint8Array([0xff, 0xff, 0xff]), uncompressedSize: 3 }]),
      ],
    ];
    node.withTempDir((dir) => {
      for (const [label, zip] of archives) {
        const path = node.joinPath(dir, 'test.zip');
        node.writeFile(path, zip);
        const unzip = node.run('unzip', ['-tq', path]);
        if (!unzip) return; // unzip not installed
        expect(readZipSafely(zip).ok, label).toBe(unzip.status === 0);
      }
    });
  });
});
