import type { CreateHash } from '../bagit';
import type { MinisignPublicKey } from '../minisign';
import { parsePublicKey } from '../minisign';
import type { PackageFinding, Signoff, TrustedKey, VerifyPackageResult } from '../package';
import {
  checkSignoffSignature,
  computeContentDigest,
  SIGNER_KEY_FILE,
  SIGNOFFS_FILE,
  signoffsSchema,
} from '../package';

export interface SignoffReport {
  role: Signoff['role'];
  signerName: string;
  keyId: string;
  date: string;
  statement: string;
  /** The key is in the trust list. */
  keyTrusted: boolean;
  /** `unchecked`: neither the trust list nor the package's own signer key holds it. */
  signature: 'valid' | 'invalid' | 'unchecked';
  /** The sign-off's digest is the digest of this package's data/deliverable/ content. */
  coversThisContent: boolean;
}

export interface DeliverableVerification {
  /**
   * - `trusted`: intact, and the package and every sign-off are signed by trusted keys.
   * - `unknown-signer`: intact, but some signer is not in the trust list: viewable only by choice.
   * - `refused`: not intact, or a sign-off is missing, forged or about other content, or task.json,
   *   the QC results, time entries or frozen audit events are not the ones deliverable/manifest.json
   *   records (verifyPackage's findings, each naming its file).
   */
  status: 'trusted' | 'unknown-signer' | 'refused';
  /** Every reason for a refusal, each naming its file. Empty unless refused. */
  reasons: string[];
  /** Warnings worth showing even on an accepted package (unknown keys, for instance). */
  warnings: string[];
  packageSigner: { keyId: string; name?: string; trusted: boolean } | null;
  /** Files the bag manifests cover and which verified, by path inside the bag. */
  intactFiles: string[];
  signoffs: SignoffReport[];
  contentDigest: string | null;
}

const REQUIRED_ROLES: readonly Signoff['role'][] = ['analyst', 'reviewer'];

const describe = (finding: PackageFinding): string => `${finding.file}: ${finding.message} (${finding.rule})`;

/**
 * The client's view of a deliverable: `verifyPackage` says whether the bag is intact and signed;
 * this adds who signed off what, whether each of those keys is trusted, and whether each sign-off
 * covers exactly this content. A deliverable without both the analyst's and the reviewer's sign-off
 * is refused as well.
 */
export function verifyDeliverable(
  result: VerifyPackageResult,
  trustedKeys: readonly TrustedKey[],
  createHash?: CreateHash,
): DeliverableVerification {
  const isTrusted = (keyId: string): TrustedKey | undefined =>
    trustedKeys.find((key) => key.keyId.toUpperCase() === keyId.toUpperCase());
  const packageSigner = result.signer
    ? {
        keyId: result.signer.keyId,
        ...(result.signer.name ? { name: result.signer.name } : {}),
        trusted: isTrusted(result.signer.keyId) !== undefined,
      }
    : null;
  const reasons = result.findings.filter((finding) => finding.severity === 'error').map(describe);
  const warnings = result.findings.filter((finding) => finding.severity !== 'error').map(describe);
  if (result.info.kind !== null && result.info.kind !== 'deliverable') {
    reasons.push(`bag-info.txt: this is a ${result.info.kind} package, not a deliverable`);
  }
  if (result.status === 'unsigned') reasons.push('tagmanifest-sha512.txt.minisig: the package is not signed');
  const files = result.files;
  if (result.status === 'invalid' || files === null) {
    if (reasons.length === 0) reasons.push('(package): verification failed');
    return {
      status: 'refused',
      reasons,
      warnings,
      packageSigner,
      intactFiles: [],
      signoffs: [],
      contentDigest: null,
    };
  }

  const contentDigest = computeContentDigest(files, createHash);
  const embeddedKey = readEmbeddedKey(files);
  const signerKey = packageSigner && embeddedKey ? { keyId: packageSigner.keyId, key: embeddedKey } : null;
  const signoffs = readSignoffs(files, reasons).map((signoff): SignoffReport => ({
    role: signoff.role,
    signerName: signoff.signer.name,
    keyId: signoff.signer.keyId,
    date: signoff.date,
    statement: signoff.statement,
    keyTrusted: isTrusted(signoff.signer.keyId) !== undefined,
    signature: checkSignoffSignature(signoff, trustedKeys, signerKey).state,
    coversThisContent: signoff.contentDigest === contentDigest,
  }));
  for (const report of signoffs) {
    const who = `${SIGNOFFS_FILE}: the ${report.role} sign-off by ${report.signerName} (${report.keyId})`;
    if (!report.coversThisContent) reasons.push(`${who} signed different content than this deliverable`);
    if (report.signature === 'invalid') reasons.push(`${who} has a signature that does not verify`);
  }
  for (const role of REQUIRED_ROLES) {
    if (!signoffs.some((report) => report.role === role)) {
      reasons.push(`${SIGNOFFS_FILE}: the deliverable has no ${role} sign-off`);
    }
  }
  const intactFiles = [...files.keys()].filter((path) => path.startsWith('data/')).sort();
  if (reasons.length > 0) {
    return { status: 'refused', reasons, warnings, packageSigner, intactFiles, signoffs, contentDigest };
  }
  const allTrusted = (packageSigner?.trusted ?? false) && signoffs.every((report) => report.keyTrusted);
  return {
    status: allTrusted ? 'trusted' : 'unknown-signer',
    reasons,
    warnings,
    packageSigner,
    intactFiles,
    signoffs,
    contentDigest,
  };
}

function readEmbeddedKey(files: ReadonlyMap<string, Uint8Array>): MinisignPublicKey | undefined {
  const bytes = files.get(SIGNER_KEY_FILE);
  if (!bytes) return undefined;
  const parsed = parsePublicKey(new TextDecoder().decode(bytes));
  return parsed.ok ? parsed.key : undefined;
}

function readSignoffs(files: ReadonlyMap<string, Uint8Array>, reasons: string[]): Signoff[] {
  const bytes = files.get(SIGNOFFS_FILE);
  if (!bytes) {
    reasons.push(`${SIGNOFFS_FILE}: missing; a deliverable must carry its sign-offs`);
    return [];
  }
  try {
    const parsed = signoffsSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (parsed.success) return parsed.data.signoffs;
    reasons.push(`${SIGNOFFS_FILE}: not a valid sign-off list`);
  } catch {
    reasons.push(`${SIGNOFFS_FILE}: not JSON`);
  }
  return [];
}
