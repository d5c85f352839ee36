/** Shapes of what the database stores. Only repositories in this folder read or write them. */
export const ROLES = ['coordinator', 'analyst', 'reviewer', 'client'] as const;
export type Role = (typeof ROLES)[number];

export interface ProfileRecord {
  id: 'me';
  displayName: string;
  organisation: string;
  email: string;
  roles: Role[];
  /** Hex key id (minisign's display form) of the signing key in `signingKeys`. */
  keyId: string;
  createdAt: string;
}

export interface SigningKeyRecord {
  keyId: string;
  keyIdBytes: Uint8Array;
  publicKey: Uint8Array;
  /** Non-extractable: the browser can sign with it but nothing can read it out. */
  privateKey: CryptoKey;
  createdAt: string;
}

export interface TrustedKeyRecord {
  keyId: string;
  keyIdBytes: Uint8Array;
  publicKey: Uint8Array;
  name: string;
  role: Role | 'other';
  addedAt: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A package that passed verification and was imported; what it carries is interpreted by later features. */
export interface ReceivedPackageRecord {
  packageId: string;
  kind: string;
  taskId: string;
  fileName: string;
  sizeBytes: number;
  /** What verification said at import time: trusted, or signed by a key the user chose to accept. */
  verification: 'trusted' | 'unknown-signer';
  signerKeyId: string;
  signerName?: string;
  baggingDate: string | null;
  importedAt: string;
  /** The .kpo exactly as received, so it can be re-verified or handed on unchanged. */
  bytes: Uint8Array;
}

/** A named ViewSpec over one dataset. `spec` is validated with ViewSpecSchema on write and on read. */
export interface SavedViewRecord {
  id: string;
  datasetId: string;
  name: string;
  spec: unknown;
  createdAt: string;
  updatedAt: string;
}
