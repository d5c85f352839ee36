import type { ChecksumAlgorithm } from './algorithms';
import { hexDigestLength, isChecksumAlgorithm } from './algorithms';
import { decodeManifestPath, encodeManifestPath } from './percent-encoding';
import type { Finding } from './types';

export type ManifestKind = 'payload' | 'tag';

export interface ManifestFile {
  file: string;
  kind: ManifestKind;
  /** The algorithm named in the file name, lower-cased; may be one we cannot compute. */
  algorithmName: string;
}

const MANIFEST_NAME = /^(tag)?manifest-([A-Za-z0-9]+)\.txt$/;

/** Recognises `manifest-<alg>.txt` and `tagmanifest-<alg>.txt` at the top of the bag. */
export function classifyManifestFile(path: string): ManifestFile | null {
  const match = MANIFEST_NAME.exec(path);
  if (!match?.[2]) return null;
  return { file: path, kind: match[1] ? 'tag' : 'payload', algorithmName: match[2].toLowerCase() };
}

export function manifestFileName(kind: ManifestKind, algorithm: ChecksumAlgorithm): string {
  return `${kind === 'tag' ? 'tag' : ''}manifest-${algorithm}.txt`;
}

export interface ManifestEntry {
  /** Decoded (percent-decoding undone) path relative to the bag base directory. */
  path: string;
  checksum: string;
  line: number;
}

/**
 * Two spaces between checksum and path keep the file readable by `sha512sum -c` as well as by
 * BagIt tools (RFC 8493 allows any run of whitespace). Lines are sorted by encoded path so the
 * output is byte-identical for identical input.
 */
export function serializeManifest(digests: ReadonlyMap<string, string>): string {
  return [...digests]
    .map(([path, checksum]) => [encodeManifestPath(path), checksum] as const)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([encodedPath, checksum]) => `${checksum}  ${encodedPath}\n`)
    .join('');
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Parses manifest lines: `checksum 1*WSP filepath` (RFC 8493 §2.1.3). The path starts after the
 * first run of whitespace; bag paths never start with whitespace (they start with `data/` or a tag
 * file name), so this split is unambiguous.
 */
export function parseManifest(
  file: string,
  lines: readonly string[],
  algorithmName: string,
): { entries: ManifestEntry[]; findings: Finding[] } {
  const entries: ManifestEntry[] = [];
  const findings: Finding[] = [];
  const rule = file.startsWith('tag') ? 'RFC8493 §2.2.1' : 'RFC8493 §2.1.3';
  const expectedLength = isChecksumAlgorithm(algorithmName) ? hexDigestLength(algorithmName) : null;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') {
      findings.push({
        severity: 'warning',
        file,
        rule,
        code: 'blank-manifest-line',
        message: `line ${line} is blank`,
      });
      return;
    }
    const match = /^(\S+)[ \t]+(.+)$/.exec(text);
    if (!match?.[1] || !match[2]) {
      findings.push({
        severity: 'error',
        file,
        rule,
        code: 'malformed-manifest-line',
        message: `line ${line} is not "checksum filepath"`,
      });
      return;
    }
    const checksum = match[1];
    if (!/^[0-9a-fA-F]+$/.test(checksum) || (expectedLength !== null && checksum.length !== expectedLength)) {
      findings.push({
        severity: 'error',
        file,
        rule,
        code: 'malformed-checksum',
        message: `line ${line}: "${checksum}" is not a ${algorithmName} hex digest`,
      });
      return;
    }
    entries.push({ path: decodeManifestPath(match[2]), checksum: checksum.toLowerCase(), line });
  });
  return { entries, findings };
}
