import { Inflate } from 'fflate';

/**
 * DEFLATE expands at most ~1032:1, so one `push` of n input bytes yields at most ~1032·n output
 * bytes before we can look at the size. Slices are sized from the remaining budget: small when
 * little output is allowed (a lie is caught after ~1 MiB of work), larger for big honest entries
 * so fflate's per-push window copy stays cheap.
 */
const MAX_EXPANSION = 1032;
const MIN_SLICE_BYTES = 1024;
const MAX_SLICE_BYTES = 64 * 1024;

function sliceSize(remainingOutput: number): number {
  return Math.min(MAX_SLICE_BYTES, Math.max(MIN_SLICE_BYTES, Math.ceil(remainingOutput / MAX_EXPANSION)));
}

export type BoundedInflateResult =
  | { ok: true; data: Uint8Array }
  | { ok: false; reason: 'too-large' | 'too-small' | 'corrupt'; message: string };

class OutputOverflow extends Error {}

/**
 * Inflates raw DEFLATE data into a buffer of exactly `declaredSize` bytes and aborts the moment the
 * stream produces more, so a header that lies about the size cannot make us allocate more than the
 * declared size plus one bounded slice of output.
 */
export function inflateBounded(compressed: Uint8Array, declaredSize: number): BoundedInflateResult {
  const output = new Uint8Array(declaredSize);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > declaredSize) throw new OutputOverflow();
    output.set(chunk, written);
    written += chunk.length;
  });
  try {
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
    for (let offset = 0; offset < compressed.length;) {
      const end = offset + sliceSize(declaredSize - written);
      inflater.push(compressed.subarray(offset, end), end >= compressed.length);
      offset = end;
    }
  } catch (error) {
    if (error instanceof OutputOverflow) {
      return {
        ok: false,
        reason: 'too-large',
        message: `inflates to more than the declared ${declaredSize} bytes`,
      };
    }
    return { ok: false, reason: 'corrupt', message: `compressed data is corrupt (${describe(error)})` };
  }
  if (written !== declaredSize) {
    return {
      ok: false,
      reason: 'too-small',
      message: `inflates to ${written} bytes, not the declared ${declaredSize}`,
    };
  }
  return { ok: true, data: output };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
