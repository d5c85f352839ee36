import type { TrustedKey } from '@core/package';
import type { DeliverableVerification } from '@core/review';
import { verifyDeliverable } from '@core/review';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { TaskRecord } from '../../../db';
import { repositories } from '../../../db';
import { errorMessage } from '../../common/error-message';
import { verifyPackageInWorker } from '../../packages/verify-in-worker';

export type DeliverableCheck =
  | { state: 'loading' }
  | { state: 'missing'; message: string }
  | { state: 'failed'; message: string }
  | {
      state: 'checked';
      task: TaskRecord;
      fileName: string;
      packageId: string;
      verification: DeliverableVerification;
      files: ReadonlyMap<string, Uint8Array>;
    };

/** A stored package (received or sent) as much as verifying it needs. */
interface StoredPackage {
  packageId: string;
  kind: string;
  fileName: string;
  bytes: Uint8Array;
}

interface CheckSource {
  task: TaskRecord | undefined;
  pkg: StoredPackage | undefined;
  trustedKeys: TrustedKey[];
}

/**
 * Re-verifies the stored deliverable package every time it is opened, against today's trust list,
 * so the verification shown is never a stale copy of what was true at import.
 */
export function useDeliverableCheck(taskId: string): DeliverableCheck {
  return useStoredDeliverableCheck(taskId, async () => {
    const task = await repositories.tasks.get(taskId);
    const latest = (await repositories.review.submissions(taskId)).at(-1);
    const pkg = latest ? await repositories.receivedPackages.get(latest.packageId) : undefined;
    const trustedKeys = await repositories.trustedKeys.verificationKeys();
    return { task, pkg, trustedKeys };
  }, [taskId]);
}

/**
 * The provider's copy: the deliverable package this installation signed and sent, re-verified from
 * its stored bytes against today's trust list and this installation's own key (its signer's).
 */
export function useSentDeliverableCheck(taskId: string, packageId: string): DeliverableCheck {
  return useStoredDeliverableCheck(taskId, async () => {
    const [task, pkg, trustedKeys] = await Promise.all([
      repositories.tasks.get(taskId),
      repositories.sentPackages.get(packageId),
      repositories.trustedKeys.verificationKeysWithOwn(),
    ]);
    return { task, pkg: pkg?.taskId === taskId ? pkg : undefined, trustedKeys };
  }, [taskId, packageId]);
}

function useStoredDeliverableCheck(
  taskId: string,
  load: () => Promise<CheckSource>,
  deps: unknown[],
): DeliverableCheck {
  // The caller's deps say when `load` reads something else.
  const source = useLiveQuery(load, deps);
  const [verified, setVerified] = useState<{ packageId: string; check: DeliverableCheck }>();
  const pkg = source?.pkg;
  const ready = source?.task !== undefined && pkg?.kind === 'deliverable';

  useEffect(() => {
    if (!source?.task || pkg?.kind !== 'deliverable') return;
    const { task, trustedKeys } = source;
    let current = true;
    const settle = (check: DeliverableCheck) => {
      if (current) setVerified({ packageId: pkg.packageId, check });
    };
    verifyPackageInWorker(pkg.bytes, trustedKeys).then(
      (result) => {
        settle({
          state: 'checked',
          task,
          fileName: pkg.fileName,
          packageId: pkg.packageId,
          verification: verifyDeliverable(result, trustedKeys),
          files: result.files ?? new Map(),
        });
      },
      (caught: unknown) => {
        settle({ state: 'failed', message: `Verifying ${pkg.fileName} failed: ${errorMessage(caught)}` });
      },
    );
    return () => {
      current = false;
    };
  }, [source, pkg]);

  if (!source) return { state: 'loading' };
  if (!ready)
    return { state: 'missing', message: `No deliverable package for task ${taskId} is stored here.` };
  return verified?.packageId === pkg.packageId ? verified.check : { state: 'loading' };
}
