import { crc32, inflateRawSync } from 'node:zlib';
import type { ZipCodec } from '../core/zip';

/**
 * node:zlib behind core's zip codec: C zlib inflates several times faster than fflate and its
 * CRC-32 is vectorised. `maxOutputLength` keeps core's bound: zlib stops with ERR_BUFFER_TOO_LARGE
 * as soon as the output would pass the size the zip header declared, so a lying header cannot make
 * us allocate more than that.
 */
const CHUNK_BYTES = 1024 * 1024;

export const nodeZipCodec: ZipCodec = {
  inflateRaw: (compressed, declaredSize) => {
    let data: Buffer;
    try {
      data = inflateRawSync(compressed, {
        maxOutputLength: Math.max(1, declaredSize),
        // Output arrives in chunks of this size; large chunks halve the time for big entries, and the
        // overshoot past a lying header's size is at most one chunk.
        chunkSize: Math.min(Math.max(declaredSize, 64), CHUNK_BYTES),
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        return {
          ok: false,
          reason: 'too-large',
          message: `inflates to more than the declared ${declaredSize} bytes`,
        };
      }
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: 'corrupt', message: `compressed data is corrupt (${message})` };
    }
    if (data.length > declaredSize) {
      return {
        ok: false,
        reason: 'too-large',
        message: `inflates to more than the declared ${declaredSize} bytes`,
      };
    }
    if (data.length < declaredSize) {
      return {
        ok: false,
        reason: 'too-small',
        message: `inflates to ${data.length} bytes, not the declared ${declaredSize}`,
      };
    }
    // A plain Uint8Array view, so callers (and deep equality in tests) never meet a Buffer.
    return { ok: true, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  },
  crc32: (bytes) => crc32(bytes),
};
