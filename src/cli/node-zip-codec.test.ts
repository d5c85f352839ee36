import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { portableZipCodec, readZipSafely } from '../core/zip';
import { craftZip } from '../core/zip/craft-zip.test-support';
import { nodeZipCodec } from './node-zip-codec';

const MiB = 1024 * 1024;
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function refusal(
  result: ReturnType<typeof readZipSafely>,
): { entry: string; code: string; message: string }[] {
  return result.ok ? [] : result.errors;
}

describe('nodeZipCodec (node:zlib for kpo)', () => {
  it('agrees with the portable codec on an honest archive, returning plain Uint8Arrays', () => {
    // Varied enough to stay under the 200:1 ratio cap, large enough for many zlib output chunks.
    const content = text(Array.from({ length: 40_000 }, (_, i) => `${i},${(i * 7919) % 10007}\n`).join(''));
    const zip = craftZip([
      { name: 'pkg/data/a.csv', content },
      { name: 'pkg/bagit.txt', content: text('x') },
    ]);
    const native = readZipSafely(zip, {}, nodeZipCodec);
    expect(refusal(native)).toEqual([]);
    expect(native).toEqual(readZipSafely(zip, {}, portableZipCodec));
    const file = native.ok ? native.files.get('data/a.csv') : undefined;
    expect(file?.constructor).toBe(Uint8Array);
    expect(file).toEqual(content);
  });

  it('stops at the declared size: a lying header cannot make it allocate the real size', () => {
    const zeros = new Uint8Array(40 * MiB);
    const zip = craftZip([
      { name: 'pkg/data/liar.bin', storedBytes: deflateSync(zeros), uncompressedSize: 60_000, crc: 0 },
    ]);
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const inflate = nodeZipCodec.inflateRaw;
    const watched = {
      ...nodeZipCodec,
      inflateRaw: (compressed: Uint8Array, size: number) => {
        const result = inflate(compressed, size);
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        return result;
      },
    };
    expect(refusal(readZipSafely(zip, {}, watched))).toEqual([
      {
        entry: 'pkg/data/liar.bin',
        code: 'size-mismatch',
        message: 'inflates to more than the declared 60000 bytes',
      },
    ]);
    expect(peak - before).toBeLessThan(8 * MiB);
  });

  it('reports data shorter than declared, corrupt data and a wrong CRC', () => {
    const content = text('abc'.repeat(1000));
    const short = craftZip([{ name: 'pkg/a', content, uncompressedSize: content.length + 10 }]);
    expect(refusal(readZipSafely(short, {}, nodeZipCodec))).toEqual([
      {
        entry: 'pkg/a',
        code: 'size-mismatch',
        message: `inflates to ${content.length} bytes, not the declared ${content.length + 10}`,
      },
    ]);
    const corrupt = craftZip([
      { name: 'pkg/a', storedBytes: text('\xff\xff garbage'), uncompressedSize: 100, crc: 0 },
    ]);
    expect(refusal(readZipSafely(corrupt, {}, nodeZipCodec))).toEqual([
      expect.objectContaining({ entry: 'pkg/a', code: 'corrupt-data' }),
    ]);
    const badCrc = craftZip([{ name: 'pkg/a', content, crc: 12345 }]);
    expect(refusal(readZipSafely(badCrc, {}, nodeZipCodec))).toEqual([
      expect.objectContaining({ entry: 'pkg/a', code: 'crc-mismatch' }),
    ]);
  });
});
