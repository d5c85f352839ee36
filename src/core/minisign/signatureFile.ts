import {
  ALGORITHM_BYTES,
  KEY_ID_BYTES,
  LEGACY_ALGORITHM,
  PREHASHED_ALGORITHM,
  SIGNATURE_BYTES,
  SIGNATURE_STRUCT_BYTES,
  TRUSTED_COMMENT_PREFIX,
  UNTRUSTED_COMMENT_PREFIX,
} from './constants';
import { asciiText, decodeBase64, printableAscii, splitLines } from './bytes';

export type SignatureAlgorithm = typeof PREHASHED_ALGORITHM | typeof LEGACY_ALGORITHM;

/** The four lines of a .minisig file, decoded but not yet checked against any key. */
export interface ParsedSignature {
  readonly algorithm: SignatureAlgorithm;
  readonly keyId: Uint8Array;
  /** Ed25519 signature of the message (prehashed with BLAKE2b-512 when algorithm is "ED"). */
  readonly signature: Uint8Array;
  readonly untrustedComment: string;
  readonly trustedComment: string;
  /** Ed25519 signature of signature ‖ UTF-8 trusted comment. */
  readonly globalSignature: Uint8Array;
}

export type ParseSignatureResult =
  | { readonly ok: true; readonly signature: ParsedSignature }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a .minisig the way minisign does (LF or CRLF lines: untrusted comment, signature,
 * trusted comment, global signature) but refuses trailing content minisign would ignore, since
 * nothing legitimate puts it there.
 */
export function parseSignature(text: string): ParseSignatureResult {
  const lines = splitLines(text);
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  if (lines.length === 0) return failure('the signature is empty');
  if (lines.length < 4) {
    return failure(`a minisign signature has 4 lines, this one has ${lines.length}`);
  }
  if (lines.length > 4) {
    return failure(`unexpected content after line 4 of the signature (${lines.length} lines)`);
  }
  const [untrustedLine = '', signatureLine = '', trustedLine = '', globalLine = ''] = lines;

  if (!untrustedLine.startsWith(UNTRUSTED_COMMENT_PREFIX)) {
    return failure(`line 1 of the signature should start with "${UNTRUSTED_COMMENT_PREFIX}"`);
  }
  if (!trustedLine.startsWith(TRUSTED_COMMENT_PREFIX)) {
    return failure(`line 3 of the signature should start with "${TRUSTED_COMMENT_PREFIX}"`);
  }

  const signatureStruct = decodeBase64(signatureLine.trim());
  if (signatureStruct === undefined) return failure('line 2 of the signature is not valid base64');
  if (signatureStruct.length !== SIGNATURE_STRUCT_BYTES) {
    return failure(
      `line 2 of the signature has the wrong length: ${signatureStruct.length} bytes, expected ${SIGNATURE_STRUCT_BYTES}`,
    );
  }
  const algorithmBytes = signatureStruct.subarray(0, ALGORITHM_BYTES);
  const algorithm = asciiText(algorithmBytes);
  if (algorithm !== PREHASHED_ALGORITHM && algorithm !== LEGACY_ALGORITHM) {
    return failure(
      `unknown signature algorithm "${printableAscii(algorithmBytes)}", expected "${PREHASHED_ALGORITHM}" or "${LEGACY_ALGORITHM}"`,
    );
  }

  const globalSignature = decodeBase64(globalLine.trim());
  if (globalSignature === undefined) return failure('line 4 of the signature is not valid base64');
  if (globalSignature.length !== SIGNATURE_BYTES) {
    return failure(
      `line 4 of the signature has the wrong length: ${globalSignature.length} bytes, expected ${SIGNATURE_BYTES}`,
    );
  }

  return {
    ok: true,
    signature: {
      algorithm,
      keyId: signatureStruct.slice(ALGORITHM_BYTES, ALGORITHM_BYTES + KEY_ID_BYTES),
      signature: signatureStruct.slice(ALGORITHM_BYTES + KEY_ID_BYTES),
      untrustedComment: untrustedLine.slice(UNTRUSTED_COMMENT_PREFIX.length),
      trustedComment: trustedLine.slice(TRUSTED_COMMENT_PREFIX.length),
      globalSignature,
    },
  };
}

function failure(reason: string): ParseSignatureResult {
  return { ok: false, reason };
}
