/**
 * SHA-256 of a file's bytes, read as a stream so memory stays at one read's worth whatever the
 * file's size (WebCrypto's digest() needs the whole input at once).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export async function sha256OfStream(
  stream: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): Promise<string> {
  const hash = sha256.create();
  const reader = stream.getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
    }
    return bytesToHex(hash.digest());
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
