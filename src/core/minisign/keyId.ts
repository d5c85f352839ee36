import { KEY_ID_BYTES } from './constants';

/**
 * The key id as minisign prints it (printf "%016" PRIX64 of le64_load(keynum)): the 8 bytes read
 * as a little-endian integer, so the hex is in reverse byte order, upper case, zero-padded.
 */
export function formatKeyId(keyId: Uint8Array): string {
  if (keyId.length !== KEY_ID_BYTES) {
    throw new RangeError(`a minisign key id is ${KEY_ID_BYTES} bytes, got ${keyId.length}`);
  }
  return [...keyId]
    .reverse()
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}
