/// <reference lib="webworker" />
// Verifying a package hashes every byte of it; off the main thread so the window stays responsive.
import type { TrustedKey, VerifyPackageResult } from '@core/package';
import { verifyPackage } from '@core/package';
import { expose } from 'comlink';

const api = {
  verify(bytes: Uint8Array, trustedKeys: TrustedKey[]): VerifyPackageResult {
    return verifyPackage(bytes, { trustedKeys });
  },
};

export type VerifyPackageWorker = typeof api;

expose(api);
