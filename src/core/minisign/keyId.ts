import { KEY_ID_BYTES } from './constants';

/**
 * The key id as minisign prints it: the 8 bytes read as a little-endian integer (le64_load), so
 * the hex is in reverse byte order, upper case. Current minisign zero-pads to 16 digits
 * ("%016" PRIX64); 0.11 and earlier (Debian bookworm/trixie) printed no leading zeros. We follow
 * the padded form, and randomKeyId avoids ids where the two differ.
 */
export function formatKeyId(keyId: Uint8Array): string {
  if (keyId.length !== KEY_ID_BYTES) {
    throw new RangeError(`a minisign key id is ${KEY_ID_BYTES} bytes, got ${keyId.length}`);
  }
  return Array.from(keyId, (byte) => byte.toString(16).padStart(2, '0'))
    .reverse()
    .join('')
    .toUpperCase();
}

/**
 * A random key id whose printed form has no leading zero, so every minisign version, padded or
 * not, shows the same 16 digits users compare by eye. Costs 4 bits of a 64-bit id that only
 * matches signatures to keys and carries no security weight.
 */
export function randomKeyId(): Uint8Array {
  const keyId = new Uint8Array(KEY_ID_BYTES);
  do {
    globalThis.crypto.getRandomValues(keyId);
  } while ((keyId[KEY_ID_BYTES - 1] ?? 0) < 0x10);
  return keyId;
}
