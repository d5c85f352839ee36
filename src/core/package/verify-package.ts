import type { BagFiles, CreateHash } from '../bagit';
import { validateBag } from '../bagit';
import type { MinisignPublicKey } from '../minisign';
import { parsePublicKey } from '../minisign';
import type { ZipCodec, ZipLimits } from '../zip';
import { readZipSafely } from '../zip';
import { readPackageInfo, SIGNER_KEY_FILE } from './bag-info-labels';
import { checkFormatVersion } from './format-version';
import { checkFrozenRecords } from './frozen-records';
import { validatePayloadDocuments } from './payload-documents';
import { checkPackageSignature } from './signature-check';
import { checkSignoffs } from './signoff-check';
import type { PackageFinding, PackageInfo, TrustedKey, VerifyPackageResult } from './types';

export interface VerifyPackageOptions {
  trustedKeys: readonly TrustedKey[];
  limits?: Partial<ZipLimits>;
  /** Defaults to noble; Node hosts pass node:crypto, which is several times faster on large payloads. */
  createHash?: CreateHash;
  /** Defaults to fflate; Node hosts pass node:zlib, which inflates large payloads several times faster. */
  zipCodec?: ZipCodec;
}

const NO_INFO: PackageInfo = {
  kind: null,
  taskId: null,
  packageId: null,
  formatVersion: null,
  baggingDate: null,
};

/**
 * The one verification every entry point uses (app import, `kpo verify`, `kpo inspect`). Order:
 * zip headers and names, inflated sizes, bag completeness and fixity, signature, then the KPO
 * documents. A zip that fails is not inflated further; anything invalid returns no files.
 */
export function verifyPackage(
  input: Uint8Array | BagFiles,
  options: VerifyPackageOptions,
): VerifyPackageResult {
  let files: BagFiles;
  let rootDir: string | null = null;
  if (input instanceof Uint8Array) {
    const zip = readZipSafely(input, options.limits, options.zipCodec);
    if (!zip.ok) {
      return {
        status: 'invalid',
        info: NO_INFO,
        files: null,
        findings: zip.errors.map((error) => ({
          severity: 'error',
          file: error.entry === '' ? '(archive)' : error.entry,
          rule: 'KPO §5 zip',
          code: error.code,
          message: error.message,
        })),
      };
    }
    files = zip.files;
    rootDir = zip.rootDir;
  } else {
    files = input;
  }

  const bag = validateBag(files, options.createHash ? { createHash: options.createHash } : {});
  const findings: PackageFinding[] = [...bag.findings];
  const { rawKind, ...info } = readPackageInfo(files);
  const isKpoPackage = rawKind !== null;

  if (isKpoPackage) {
    findings.push(...checkPackageLabels(info, rawKind, rootDir));
  }
  const formatProblem = isKpoPackage ? checkFormatVersion(info.formatVersion) : null;
  if (formatProblem) findings.push(formatProblem);

  const signature = checkPackageSignature(files, options.trustedKeys, info);
  findings.push(...signature.findings);

  const bagIsSound = !findings.some((finding) => finding.severity === 'error');
  // Schemas describe the format we know; a newer major format or a damaged bag is not read further.
  if (bagIsSound && isKpoPackage && info.kind !== null) {
    findings.push(...validatePayloadDocuments(files, info.kind));
    const signerKey =
      signature.state === 'verified'
        ? embeddedOrTrustedKey(files, signature.keyId, options.trustedKeys)
        : null;
    findings.push(...checkSignoffs(files, options.trustedKeys, signerKey, options.createHash));
    findings.push(...checkFrozenRecords(files, options.createHash ? { createHash: options.createHash } : {}));
  }

  const invalid = findings.some((finding) => finding.severity === 'error') || signature.state === 'invalid';
  const signer =
    signature.keyId === undefined
      ? undefined
      : {
          keyId: signature.keyId,
          ...(signature.state === 'verified' && signature.trusted?.name
            ? { name: signature.trusted.name }
            : {}),
        };
  return {
    status: invalid
      ? 'invalid'
      : signature.state === 'verified'
        ? signature.trusted
          ? 'trusted'
          : 'unknown-signer'
        : 'unsigned',
    findings,
    ...(signer ? { signer } : {}),
    info,
    files: invalid ? null : files,
  };
}

function checkPackageLabels(info: PackageInfo, rawKind: string, rootDir: string | null): PackageFinding[] {
  const findings: PackageFinding[] = [];
  const error = (code: string, message: string, file = 'bag-info.txt'): void => {
    findings.push({ severity: 'error', file, rule: 'KPO §5 bag-info', code, message });
  };
  if (info.kind === null)
    error('unknown-package-kind', `KPO-Package-Kind "${rawKind}" is not a kind this version knows`);
  if (info.taskId === null) error('missing-task-id', 'KPO-Task-Id is missing');
  if (info.packageId === null) error('missing-package-id', 'External-Identifier urn:uuid:… is missing');
  if (rootDir !== null && info.packageId !== null && rootDir !== info.packageId) {
    error(
      'package-dir-mismatch',
      `the top-level directory "${rootDir}" is not the package id ${info.packageId}`,
      rootDir,
    );
  }
  return findings;
}

function embeddedOrTrustedKey(
  files: BagFiles,
  keyId: string,
  trustedKeys: readonly TrustedKey[],
): { keyId: string; key: MinisignPublicKey } | null {
  const trusted = trustedKeys.find((key) => key.keyId.toUpperCase() === keyId);
  const text = trusted?.publicKey ?? new TextDecoder().decode(files.get(SIGNER_KEY_FILE));
  const parsed = parsePublicKey(text);
  return parsed.ok ? { keyId, key: parsed.key } : null;
}
