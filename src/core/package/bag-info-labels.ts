import type { BagFiles } from '../bagit';
import { BAG_INFO_FILE, findBagInfoValues, parseBagInfo } from '../bagit';
import type { PackageInfo, PackageKind } from './types';
import { isPackageKind } from './types';

export const LABEL_KIND = 'KPO-Package-Kind';
export const LABEL_TASK_ID = 'KPO-Task-Id';
export const LABEL_FORMAT_VERSION = 'KPO-Format-Version';
export const LABEL_EXTERNAL_IDENTIFIER = 'External-Identifier';

/** The signed tag manifest and the signer's public key, embedded so anyone can check the signature. */
export const SIGNED_TAG_MANIFEST = 'tagmanifest-sha512.txt';
export const SIGNATURE_FILE = `${SIGNED_TAG_MANIFEST}.minisig`;
export const SIGNER_KEY_FILE = 'signer.pub';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isPackageId(value: string): boolean {
  return UUID.test(value);
}

/**
 * Reads the KPO labels leniently (validateBag reports malformed bag-info separately); a label that is
 * absent or not understood is null, and a bag with no kind is a plain BagIt bag.
 */
export function readPackageInfo(files: BagFiles): PackageInfo & { rawKind: string | null } {
  const bytes = files.get(BAG_INFO_FILE);
  const lines = bytes ? new TextDecoder().decode(bytes).split(/\r\n|\r|\n/) : [];
  if (lines.at(-1) === '') lines.pop();
  const { entries } = parseBagInfo(lines);
  const first = (label: string): string | null => findBagInfoValues(entries, label)[0] ?? null;
  const rawKind = first(LABEL_KIND);
  const kind: PackageKind | null = rawKind !== null && isPackageKind(rawKind) ? rawKind : null;
  const identifier = first(LABEL_EXTERNAL_IDENTIFIER);
  return {
    rawKind,
    kind,
    taskId: first(LABEL_TASK_ID),
    packageId: identifier?.startsWith('urn:uuid:') ? identifier.slice('urn:uuid:'.length) : null,
    formatVersion: first(LABEL_FORMAT_VERSION),
    baggingDate: first('Bagging-Date'),
  };
}

/** One line in the signature's trusted comment, so `minisign -V` shows what was signed. */
export function packageTrustedComment(fields: {
  packageId: string;
  kind: PackageKind;
  taskId: string;
  signerKeyId: string;
  timestamp: string;
}): string {
  return `kpo package=${fields.packageId} kind=${fields.kind} task=${encodeURIComponent(fields.taskId)} signer=${fields.signerKeyId} timestamp=${fields.timestamp}`;
}

export function parseTrustedComment(comment: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of comment.split(' ').slice(1)) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return fields;
}
