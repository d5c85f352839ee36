import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { inflateBounded } from './inflate-bounded';
import type { ZipCodec } from './read-zip';
import { portableZipCodec, readZipSafely } from './read-zip';
import { writeZip } from './write-zip';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const entries = [
  { path: 'data/a.csv', data: text('x,y\n'.repeat(5000)) },
  { path: 'bagit.txt', data: text('BagIt-Version: 1.0\n') },
];
const zip = writeZip(entries, { rootDir: 'pkg' });

describe('injectable zip codec', () => {
  it('defaults to fflate and the table CRC', () => {
    expect(portableZipCodec).toEqual({ inflateRaw: inflateBounded, crc32 });
  });

  it('a node:zlib codec reads the same files as the portable one', () => {
    const zlib: ZipCodec = {
      inflateRaw: (compressed) => ({ ok: true, data: new Uint8Array(inflateRawSync(compressed)) }),
      crc32: (bytes) => zlibCrc32(bytes),
    };
    const portable = readZipSafely(zip);
    const native = readZipSafely(zip, {}, zlib);
    expect(native).toEqual(portable);
    expect(portable.ok && portable.files.get('data/a.csv')).toEqual(entries[0]?.data);
  });

  it('really uses the injected functions (a broken CRC or inflater is reported per entry)', () => {
    const brokenCrc = readZipSafely(zip, {}, { ...portableZipCodec, crc32: () => 0 });
    expect(brokenCrc.ok ? [] : brokenCrc.errors.map((e) => `${e.entry}:${e.code}`)).toEqual([
      'pkg/bagit.txt:crc-mismatch',
      'pkg/data/a.csv:crc-mismatch',
    ]);
    const refusing = readZipSafely(
      zip,
      {},
      {
        ...portableZipCodec,
        inflateRaw: () => ({ ok: false, reason: 'corrupt', message: 'nope' }),
      },
    );
    expect(refusing.ok ? [] : refusing.errors.map((e) => `${e.entry}:${e.code}`)).toEqual([
      'pkg/bagit.txt:corrupt-data',
      'pkg/data/a.csv:corrupt-data',
    ]);
  });
});
