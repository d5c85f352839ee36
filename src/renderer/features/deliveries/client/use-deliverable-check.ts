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

/**
 * Re-verifies the stored deliverable package every time it is opened, against today's trust list,
 * so the verification shown is never a stale copy of what was true at import.
 */
export function useDeliverableCheck(taskId: string): DeliverableCheck {
  const source = useLiveQuery(async () => {
    const task = await repositories.tasks.get(taskId);
    const latest = (await repositories.review.submissions(taskId)).at(-1);
    const pkg = latest ? await repositories.receivedPackages.get(latest.packageId) : undefined;
    const trustedKeys = await repositories.trustedKeys.verificationKeys();
    return { task, pkg, trustedKeys };
  }, [taskId]);
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
