import type { BuildPackageInput, PackageKind } from '@core/package';
import { buildPackage } from '@core/package';
import { webCryptoSigner } from '@core/minisign';
import { repositories } from '../../db';
import { platform } from '../../platform';

export interface SignedPackageRequest extends Omit<
  BuildPackageInput,
  'signer' | 'sourceOrganization' | 'contactName' | 'packageId'
> {
  kind: PackageKind;
  /** Without the .kpo extension; the package kind and id are appended. */
  fileStem: string;
}

export interface SignedPackage {
  packageId: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Builds and signs a package with this installation's key; nothing is saved or recorded yet. */
export async function signPackage(request: SignedPackageRequest): Promise<SignedPackage> {
  const [profile, key] = await Promise.all([
    repositories.identity.getProfile(),
    repositories.identity.getSigningKey(),
  ]);
  if (!profile || !key) throw new Error('Create your profile and signing key in Settings first.');
  const packageId = globalThis.crypto.randomUUID();
  const { fileStem, ...input } = request;
  const bytes = await buildPackage({
    ...input,
    packageId,
    sourceOrganization: profile.organisation,
    contactName: profile.displayName,
    signer: { keyId: key.keyIdBytes, publicKey: key.publicKey, sign: webCryptoSigner(key.privateKey) },
  });
  const safeStem = fileStem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'task';
  return { packageId, fileName: `${safeStem}.${request.kind}.kpo`, bytes };
}

/**
 * Offers a signed package to the user to save and, once saved, records it as sent. Returns false
 * when the user cancelled the save dialog: callers then leave the task's state as it was.
 */
export async function saveSignedPackage(
  pkg: SignedPackage,
  kind: PackageKind,
  taskId: string,
): Promise<boolean> {
  const outcome = await platform.saveFile({
    suggestedName: pkg.fileName,
    filters: [{ name: 'KPO package', extensions: ['kpo'] }],
    data: pkg.bytes,
  });
  if (!outcome.saved) return false;
  await repositories.sentPackages.add({
    packageId: pkg.packageId,
    taskId,
    kind,
    fileName: outcome.fileName,
    sizeBytes: pkg.bytes.byteLength,
    createdAt: new Date().toISOString(),
    bytes: pkg.bytes,
  });
  return true;
}
