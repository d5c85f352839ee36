import { Inflate } from 'fflate';

/**
 * Compressed input is fed in slices this small so one `push` can produce at most about
 * 1032 × 4 KiB ≈ 4 MiB (DEFLATE's maximum expansion) before we can look at the output size.
 */
const INPUT_SLICE_BYTES = 4 * 1024;

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
    for (let offset = 0; offset < compressed.length; offset += INPUT_SLICE_BYTES) {
      const end = offset + INPUT_SLICE_BYTES;
      inflater.push(compressed.subarray(offset, end), end >= compressed.length);
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
