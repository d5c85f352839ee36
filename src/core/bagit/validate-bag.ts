import type { CreateHash } from './algorithms';
import { BAG_INFO_FILE, findBagInfoValues, parseBagInfo } from './bag-info';
import { checkBagPath, isPayloadPath } from './bag-paths';
import { BAG_DECLARATION_FILE, validateBagDeclaration } from './bagit-declaration';
import type { ManifestFile } from './manifest';
import { classifyManifestFile } from './manifest';
import { computePayloadOxum, formatPayloadOxum, parsePayloadOxum } from './payload-oxum';
import { readTagFileLines } from './tag-file-text';
import type { BagFiles, BagValidationResult, Finding } from './types';
import type { CheckedManifest } from './validate-manifests';
import { checkFixity, readManifest } from './validate-manifests';

export const FETCH_FILE = 'fetch.txt';

/**
 * `tagmanifest-<alg>.txt.minisig` is written after the tag manifest it signs, so no manifest can list
 * it. It is the one tag file allowed to be unlisted, and only beside the tag manifest it names.
 */
export function isDetachedTagManifestSignature(path: string, files: BagFiles): boolean {
  if (!path.endsWith('.minisig')) return false;
  const signed = path.slice(0, -'.minisig'.length);
  return classifyManifestFile(signed)?.kind === 'tag' && files.has(signed);
}

/**
 * Validates any BagIt bag (RFC 8493 §3: complete and valid), not only ours, and says which file and
 * rule failed. It never stops at the first problem, so a user sees everything wrong at once.
 */
export interface ValidateBagOptions {
  /** Defaults to noble's portable hashes; Node hosts pass node:crypto for throughput. */
  createHash?: CreateHash;
}

export function validateBag(files: BagFiles, options: ValidateBagOptions = {}): BagValidationResult {
  const findings: Finding[] = [];

  for (const path of [...files.keys()].sort()) {
    const unsafe = checkBagPath(path);
    if (unsafe) {
      findings.push({
        severity: 'error',
        file: path,
        rule: 'RFC8493 §2',
        code: unsafe.code,
        message: unsafe.reason,
      });
    }
  }

  const declaration = validateBagDeclaration(files.get(BAG_DECLARATION_FILE));
  findings.push(...declaration.findings);
  const encoding = declaration.declaration.tagFileEncoding;

  if (files.has(FETCH_FILE)) {
    findings.push({
      severity: 'error',
      file: FETCH_FILE,
      rule: 'RFC8493 §2.2.3',
      code: 'fetch-not-supported',
      message: 'fetch.txt lists remote files; this bag is not complete offline',
    });
  }

  const manifestFiles = [...files.keys()]
    .sort()
    .map(classifyManifestFile)
    .filter((manifest): manifest is ManifestFile => manifest !== null);
  const checked: CheckedManifest[] = [];
  for (const manifest of manifestFiles) {
    const result = readManifest(files, manifest, encoding);
    findings.push(...result.findings);
    if (result.checked) checked.push(result.checked);
  }
  const payloadManifests = checked.filter(({ manifest }) => manifest.kind === 'payload');
  const tagManifests = checked.filter(({ manifest }) => manifest.kind === 'tag');

  if (payloadManifests.length === 0) {
    findings.push({
      severity: 'error',
      file: 'manifest-<algorithm>.txt',
      rule: 'RFC8493 §2.1.3',
      code: 'no-payload-manifest',
      message: 'the bag has no payload manifest this validator can check (md5, sha1, sha256 or sha512)',
    });
  }

  const payloadPaths = [...files.keys()].filter(isPayloadPath).sort();
  if (payloadPaths.length === 0) {
    findings.push({
      severity: 'warning',
      file: 'data/',
      rule: 'RFC8493 §2.1.2',
      code: 'empty-payload',
      message: 'the bag has no payload files',
    });
  }
  for (const path of payloadPaths) {
    for (const { manifest, expected } of payloadManifests) {
      if (expected.has(path)) continue;
      findings.push({
        severity: 'error',
        file: path,
        rule: 'RFC8493 §2.1.3',
        code: 'unlisted-payload-file',
        message: `"${path}" is in data/ but not listed in ${manifest.file}`,
      });
    }
  }

  findings.push(...checkTagFileCoverage(files, tagManifests));
  findings.push(...checkBagInfo(files, encoding));
  findings.push(...checkFixity(files, checked, options.createHash));

  return { valid: !findings.some((finding) => finding.severity === 'error'), findings };
}

/**
 * Files outside data/ are tag files. Unlisted ones are only a warning (RFC 8493 allows arbitrary
 * tag files), but the core tag files missing from an existing tag manifest are flagged, because then
 * a signature over the tag manifest does not cover them.
 */
function checkTagFileCoverage(files: BagFiles, tagManifests: readonly CheckedManifest[]): Finding[] {
  const findings: Finding[] = [];
  const listedInSomeTagManifest = (path: string): boolean =>
    tagManifests.some(({ expected }) => expected.has(path));
  for (const path of [...files.keys()].sort()) {
    if (isPayloadPath(path) || path === FETCH_FILE) continue;
    const manifest = classifyManifestFile(path);
    if (manifest?.kind === 'tag' || isDetachedTagManifestSignature(path, files)) continue;
    if (listedInSomeTagManifest(path)) continue;
    const isCoreTagFile =
      path === BAG_DECLARATION_FILE || path === BAG_INFO_FILE || manifest?.kind === 'payload';
    if (isCoreTagFile && tagManifests.length === 0) continue;
    findings.push({
      severity: 'warning',
      file: path,
      rule: 'RFC8493 §2.2.1',
      code: isCoreTagFile ? 'tag-file-not-in-tag-manifest' : 'unlisted-tag-file',
      message: isCoreTagFile
        ? `"${path}" is not listed in any tag manifest, so its integrity is not protected`
        : `"${path}" is outside data/ and not listed in any tag manifest`,
    });
  }
  return findings;
}

function checkBagInfo(files: BagFiles, encoding: string): Finding[] {
  const bytes = files.get(BAG_INFO_FILE);
  if (!bytes) return [];
  const text = readTagFileLines(BAG_INFO_FILE, bytes, encoding);
  if (!text.lines) return text.findings;
  const parsed = parseBagInfo(text.lines);
  const findings = [...text.findings, ...parsed.findings];
  const [declaredOxum] = findBagInfoValues(parsed.entries, 'Payload-Oxum');
  if (declaredOxum === undefined) return findings;
  const declared = parsePayloadOxum(declaredOxum);
  const actual = computePayloadOxum(files);
  if (!declared) {
    findings.push({
      severity: 'error',
      file: BAG_INFO_FILE,
      rule: 'RFC8493 §2.2.2',
      code: 'malformed-payload-oxum',
      message: `Payload-Oxum "${declaredOxum}" is not OctetCount.StreamCount`,
    });
  } else if (declared.octetCount !== actual.octetCount || declared.streamCount !== actual.streamCount) {
    findings.push({
      severity: 'error',
      file: BAG_INFO_FILE,
      rule: 'RFC8493 §2.2.2',
      code: 'payload-oxum-mismatch',
      message: `Payload-Oxum says ${declaredOxum} (octets.files) but the payload is ${formatPayloadOxum(actual)}`,
    });
  }
  return findings;
}
