/**
 * Bytes → text, streaming. Picks the encoding from a BOM or an override; otherwise tries strict
 * UTF-8 and falls back to windows-1252 when the first non-ASCII bytes are not valid UTF-8.
 * Until the first non-ASCII byte both encodings yield the same text, so the fallback can be
 * decided late without re-reading anything.
 */
import { CsvImportError } from './errors';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface EncodingDecision {
  readonly encoding: CsvEncoding;
  readonly reason: 'override' | 'bom' | 'valid-utf-8' | 'invalid-utf-8-fallback' | 'ascii-only';
  readonly bomStripped: boolean;
}

/** How many leading bytes are inspected to refuse binary files. */
export const SNIFF_BYTES = 64 * 1024;

/** Refuses input that is evidently not text: NUL bytes, or too many control characters. */
export function assertLooksLikeText(sample: Uint8Array): void {
  let control = 0;
  const n = Math.min(sample.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const b = sample[i] ?? 0;
    if (b === 0) {
      throw new CsvImportError('binary-file', `This is not a text file (a NUL byte at byte ${i + 1}).`);
    }
    // Tab, LF, FF, CR are normal in text; other C0 controls and DEL are not.
    if ((b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 127) control++;
  }
  if (n > 0 && control / n > 0.05) {
    throw new CsvImportError(
      'binary-file',
      `This does not look like a text file (${((100 * control) / n).toFixed(1)}% control characters in the first ${n} bytes).`,
    );
  }
}

function detectBom(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The part of TextDecoder we use; spelled out because Node's and the DOM's typings differ. */
interface ByteDecoder {
  decode(bytes: Uint8Array, options?: { stream?: boolean }): string;
}

const EMPTY = new Uint8Array(0);
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export interface StreamingTextDecoder {
  /** Decodes the next bytes; the first call must carry at least the first few bytes (BOM). */
  decode(bytes: Uint8Array): string;
  finish(): string;
  /** Final once any non-ASCII text was seen (or a BOM/override decided it). */
  decision(): EncodingDecision;
}

export function createStreamingDecoder(override?: CsvEncoding): StreamingTextDecoder {
  let started = false;
  let decision: EncodingDecision = { encoding: 'utf-8', reason: 'ascii-only', bomStripped: false };
  let decoder: ByteDecoder | undefined;
  /** While true we are on strict UTF-8 but have only seen ASCII, so a fallback is still free. */
  let tentative = false;
  let heldTail: Uint8Array = EMPTY;

  const start = (bytes: Uint8Array): Uint8Array => {
    started = true;
    const bom = detectBom(bytes);
    const encoding = override ?? bom?.encoding;
    const stripBom = bom !== undefined && bom.encoding === encoding;
    if (encoding === undefined) {
      tentative = true;
      decoder = new TextDecoder('utf-8', { fatal: true });
    } else {
      decision = { encoding, reason: override ? 'override' : 'bom', bomStripped: stripBom };
      // An explicit choice is honoured leniently: bad sequences become U+FFFD rather than a refusal.
      decoder = new TextDecoder(encoding, { fatal: false });
    }
    if (encoding !== 'utf-16le' && encoding !== 'utf-16be')
      assertLooksLikeText(bytes.subarray(stripBom ? bom.length : 0));
    return stripBom ? bytes.subarray(bom.length) : bytes;
  };

  const decodeStrictOrFallback = (bytes: Uint8Array, stream: boolean): string => {
    const active = decoder ?? new TextDecoder('utf-8', { fatal: true });
    if (!tentative) {
      try {
        return active.decode(bytes, { stream });
      } catch {
        throw new CsvImportError(
          'mixed-encoding',
          'The file is not valid UTF-8 past its beginning, although earlier text was UTF-8. Re-import choosing the encoding (e.g. windows-1252) explicitly.',
        );
      }
    }
    try {
      const text = active.decode(bytes, { stream });
      // Every non-ASCII UTF-8 sequence is longer in bytes than in UTF-16 units, so equal
      // lengths mean pure ASCII without scanning the bytes again.
      if (text.length !== bytes.length || heldTail.length > 0) {
        if (NON_ASCII.test(text)) {
          tentative = false;
          decision = { encoding: 'utf-8', reason: 'valid-utf-8', bomStripped: decision.bomStripped };
          heldTail = EMPTY;
        } else {
          // Only ASCII came out: the decoder is holding the start of a sequence for the next call.
          heldTail = concatBytes(heldTail, bytes).slice(text.length);
        }
      }
      return text;
    } catch {
      // Everything decoded so far was ASCII, so nothing changes meaning; only bytes the UTF-8
      // decoder was still holding must be decoded again.
      tentative = false;
      decision = {
        encoding: 'windows-1252',
        reason: 'invalid-utf-8-fallback',
        bomStripped: decision.bomStripped,
      };
      decoder = new TextDecoder('windows-1252');
      const text = decoder.decode(concatBytes(heldTail, bytes), { stream });
      heldTail = EMPTY;
      return text;
    }
  };

  return {
    decode(bytes) {
      const body = started ? bytes : start(bytes);
      return decodeStrictOrFallback(body, true);
    },
    finish() {
      if (!started) start(new Uint8Array(0));
      return decodeStrictOrFallback(new Uint8Array(0), false);
    },
    decision: () => decision,
  };
}
