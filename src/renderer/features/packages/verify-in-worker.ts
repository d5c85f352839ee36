import type { TrustedKey, VerifyPackageResult } from '@core/package';
import { transfer, wrap } from 'comlink';
import type { VerifyPackageWorker } from '../../workers/verify-package.worker';

/** One worker per verification, ended afterwards, so a huge package's memory is released at once. */
export async function verifyPackageInWorker(
  bytes: Uint8Array,
  trustedKeys: TrustedKey[],
): Promise<VerifyPackageResult> {
  const worker = new Worker(new URL('../../workers/verify-package.worker.ts', import.meta.url), {
    type: 'module',
    name: 'verify-package',
  });
  try {
    const remote = wrap<VerifyPackageWorker>(worker);
    // A copy goes to the worker; the caller keeps its bytes to store them after confirmation.
    const copy = bytes.slice();
    return await remote.verify(transfer(copy, [copy.buffer]), trustedKeys);
  } finally {
    worker.terminate();
  }
}
