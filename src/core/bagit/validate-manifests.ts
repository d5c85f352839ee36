import type { ChecksumAlgorithm, CreateHash } from './algorithms';
import { isChecksumAlgorithm, WEAK_ALGORITHMS } from './algorithms';
import { checkBagPath, isPayloadPath } from './bag-paths';
import { digestHex } from './digest';
import type { ManifestFile } from './manifest';
import { parseManifest } from './manifest';
import { readTagFileLines } from './tag-file-text';
import type { BagFiles, Finding } from './types';

export interface CheckedManifest {
  manifest: ManifestFile;
  algorithm: ChecksumAlgorithm;
  /** path → expected checksum; only entries that passed the syntax and path checks. */
  expected: Map<string, string>;
}

/**
 * Reads one manifest and checks everything that does not need file contents: syntax, unsafe paths,
 * duplicates, entries on the wrong side of `data/`, listed files that are missing.
 */
export function readManifest(
  files: BagFiles,
  manifest: ManifestFile,
  tagFileEncoding: string,
): { checked: CheckedManifest | null; findings: Finding[] } {
  const { file, kind, algorithmName } = manifest;
  const rule = kind === 'tag' ? 'RFC8493 §2.2.1' : 'RFC8493 §2.1.3';
  const findings: Finding[] = [];
  if (!isChecksumAlgorithm(algorithmName)) {
    findings.push({
      severity: 'warning',
      file,
      rule: 'RFC8493 §2.4',
      code: 'unsupported-algorithm',
      message: `${file} uses "${algorithmName}", which this validator cannot compute; it was not checked`,
    });
    return { checked: null, findings };
  }
  if (WEAK_ALGORITHMS.has(algorithmName)) {
    findings.push({
      severity: 'warning',
      file,
      rule: 'RFC8493 §2.4',
      code: 'weak-algorithm',
      message: `${file} uses ${algorithmName}, a weak algorithm: collisions can be forged`,
    });
  }
  const bytes = files.get(file);
  if (!bytes) return { checked: null, findings };
  const text = readTagFileLines(file, bytes, tagFileEncoding);
  findings.push(...text.findings);
  if (!text.lines) return { checked: null, findings };
  const parsed = parseManifest(file, text.lines, algorithmName);
  findings.push(...parsed.findings);

  const expected = new Map<string, string>();
  for (const entry of parsed.entries) {
    const unsafe = checkBagPath(entry.path);
    if (unsafe) {
      findings.push({
        severity: 'error',
        file,
        rule: 'RFC8493 §2.1.3',
        code: unsafe.code,
        message: `line ${entry.line} lists "${entry.path}": ${unsafe.reason}; it would resolve outside the bag`,
      });
      continue;
    }
    if (kind === 'payload' && !isPayloadPath(entry.path)) {
      findings.push({
        severity: 'error',
        file,
        rule,
        code: 'manifest-lists-non-payload',
        message: `line ${entry.line} lists "${entry.path}", which is not under data/`,
      });
      continue;
    }
    if (kind === 'tag' && isPayloadPath(entry.path)) {
      findings.push({
        severity: 'error',
        file,
        rule,
        code: 'tag-manifest-lists-payload',
        message: `line ${entry.line} lists payload file "${entry.path}"; tag manifests list tag files only`,
      });
      continue;
    }
    if (expected.has(entry.path)) {
      findings.push({
        severity: 'error',
        file,
        rule,
        code: 'duplicate-manifest-entry',
        message: `line ${entry.line} lists "${entry.path}" again`,
      });
      continue;
    }
    expected.set(entry.path, entry.checksum);
    if (!files.has(entry.path)) {
      findings.push({
        severity: 'error',
        file: entry.path,
        rule: 'RFC8493 §3',
        code: kind === 'tag' ? 'missing-tag-file' : 'missing-payload-file',
        message: `"${entry.path}" is listed in ${file} but is not in the bag`,
      });
    }
  }
  return { checked: { manifest, algorithm: algorithmName, expected }, findings };
}

/**
 * Hashes every listed file once for all algorithms that list it and compares. Digests are compared
 * and dropped file by file, so memory stays flat however many files the bag has.
 */
export function checkFixity(
  files: BagFiles,
  manifests: readonly CheckedManifest[],
  createHash?: CreateHash,
): Finding[] {
  const findings: Finding[] = [];
  const listedPaths = new Set<string>();
  for (const { expected } of manifests) for (const path of expected.keys()) listedPaths.add(path);
  for (const path of [...listedPaths].sort()) {
    const bytes = files.get(path);
    if (!bytes) continue;
    const listing = manifests.filter(({ expected }) => expected.has(path));
    const actual = digestHex(bytes, [...new Set(listing.map(({ algorithm }) => algorithm))], createHash);
    for (const { manifest, algorithm, expected } of listing) {
      if (actual.get(algorithm) === expected.get(path)) continue;
      findings.push({
        severity: 'error',
        file: path,
        rule: 'RFC8493 §3',
        code: 'checksum-mismatch',
        message: `"${path}" does not match its ${algorithm} checksum in ${manifest.file}; it was changed or damaged`,
      });
    }
  }
  return findings;
}
