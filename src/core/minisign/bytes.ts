// Byte helpers shared by the minisign codecs. core runs in browsers and workers too, so no Buffer.

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE_BY_CHAR = new Map<string, number>(
  Array.from({ length: BASE64_ALPHABET.length }, (_, index) => [BASE64_ALPHABET.charAt(index), index]),
);

/** Standard base64 with padding: the variant libsodium's sodium_bin2base64 writes for minisign. */
export function encodeBase64(bytes: Uint8Array): string {
  let output = '';
  for (let offset = 0; offset < bytes.length; offset += 3) {
    const chunk = bytes.subarray(offset, offset + 3);
    const b0 = chunk[0] ?? 0;
    const b1 = chunk[1] ?? 0;
    const b2 = chunk[2] ?? 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    output += BASE64_ALPHABET.charAt((triple >> 18) & 63);
    output += BASE64_ALPHABET.charAt((triple >> 12) & 63);
    output += chunk.length > 1 ? BASE64_ALPHABET.charAt((triple >> 6) & 63) : '=';
    output += chunk.length > 2 ? BASE64_ALPHABET.charAt(triple & 63) : '=';
  }
  return output;
}

/**
 * Strict standard base64 (padding required, no whitespace, zero trailing bits), matching what
 * minisign accepts. Returns undefined rather than throwing so callers can say which field was bad.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const output = new Uint8Array((text.length / 4) * 3 - padding);
  let outputIndex = 0;
  for (let offset = 0; offset < text.length; offset += 4) {
    const isLastQuad = offset + 4 === text.length;
    const padHere = isLastQuad ? padding : 0;
    let quad = 0;
    for (let i = 0; i < 4; i++) {
      const char = text.charAt(offset + i);
      if (i >= 4 - padHere) {
        if (char !== '=') return undefined;
        quad <<= 6;
        continue;
      }
      const value = BASE64_VALUE_BY_CHAR.get(char);
      if (value === undefined) return undefined;
      quad = (quad << 6) | value;
    }
    // Non-zero bits hidden under the padding would give two spellings of the same bytes.
    if (padHere === 1 && (quad & 0xff) !== 0) return undefined;
    if (padHere === 2 && (quad & 0xffff) !== 0) return undefined;
    const decoded = [(quad >> 16) & 0xff, (quad >> 8) & 0xff, quad & 0xff].slice(0, 3 - padHere);
    for (const byte of decoded) output[outputIndex++] = byte;
  }
  return output;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const output = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

export function asciiText(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8Bytes(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Lines of a text file as minisign's fgets+trim sees them: LF or CRLF endings. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Tag bytes come from untrusted input: show anything but plain ASCII as escapes in messages. */
export function printableAscii(bytes: Uint8Array): string {
  return Array.from(bytes, (code) =>
    code >= 0x20 && code < 0x7f && code !== 0x5c
      ? String.fromCharCode(code)
      : `\\x${code.toString(16).padStart(2, '0')}`,
  ).join('');
}
