import { TRUSTED_COMMENT_MAX_BYTES, UNTRUSTED_COMMENT_MAX_BYTES } from './constants';
import { utf8Bytes } from './bytes';

/**
 * Throws if a comment cannot round-trip through a .minisig file: each comment is one line, and
 * minisign handles it as a C string in a fixed buffer.
 */
export function assertWritableComment(kind: 'trusted' | 'untrusted', comment: string): void {
  if (/[\r\n]/.test(comment)) {
    throw new RangeError(`the ${kind} comment must be a single line (it contains a line break)`);
  }
  if (comment.includes('\0')) {
    throw new RangeError(`the ${kind} comment must not contain a NUL character`);
  }
  const maxBytes = kind === 'trusted' ? TRUSTED_COMMENT_MAX_BYTES : UNTRUSTED_COMMENT_MAX_BYTES;
  const length = utf8Bytes(comment).length;
  if (length > maxBytes) {
    throw new RangeError(`the ${kind} comment is ${length} bytes; minisign reads at most ${maxBytes}`);
  }
}
