import type { Finding } from '../bagit';

export const PACKAGE_KINDS = ['task', 'submission', 'review', 'deliverable', 'acceptance'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

export function isPackageKind(value: string): value is PackageKind {
  return (PACKAGE_KINDS as readonly string[]).includes(value);
}

/** Same shape as bag findings, so zip, bag, signature and schema problems render in one list. */
export type PackageFinding = Finding;

/**
 * - `trusted`: valid bag, valid signature, signing key in the trust list.
 * - `unknown-signer`: valid bag and signature, but the key (embedded in the package) is not trusted.
 * - `unsigned`: valid bag without a signature we could check.
 * - `invalid`: at least one error finding; nothing from the package may be imported.
 */
export type VerificationStatus = 'trusted' | 'unknown-signer' | 'unsigned' | 'invalid';

export interface TrustedKey {
  /** minisign key id as printed: 16 upper-case hex digits. */
  keyId: string;
  /** A .pub file's text or its base64 line. */
  publicKey: string;
  name?: string;
}

export interface PackageInfo {
  kind: PackageKind | null;
  taskId: string | null;
  packageId: string | null;
  formatVersion: string | null;
  baggingDate: string | null;
}

export interface VerifyPackageResult {
  status: VerificationStatus;
  findings: PackageFinding[];
  signer?: { keyId: string; name?: string };
  info: PackageInfo;
  /** The bag's files, only when the package is not invalid: an invalid package yields nothing to import. */
  files: ReadonlyMap<string, Uint8Array> | null;
}
