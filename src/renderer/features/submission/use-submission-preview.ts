import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../common/error-message';
import { previewSubmission } from './export-submission';
import type { PreparedDeliverable } from './freeze-submission';

export type PreviewState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; prepared: PreparedDeliverable };

/** Version N as it would be submitted now; rebuilt when the task changes or on request. */
export function useSubmissionPreview(taskId: string, changeKey: string, enabled: boolean) {
  const [round, setRound] = useState(0);
  const key = `${taskId}|${changeKey}|${String(round)}`;
  // A result belongs to the request that made it; any other key means a newer one is loading.
  const [result, setResult] = useState<{ key: string; state: PreviewState } | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    previewSubmission(taskId).then(
      (prepared) => {
        if (!cancelled) setResult({ key, state: { status: 'ready', prepared } });
      },
      (caught: unknown) => {
        if (!cancelled) setResult({ key, state: { status: 'error', error: errorMessage(caught) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [taskId, key, enabled]);
  const refresh = useCallback(() => {
    setRound((n) => n + 1);
  }, []);
  const state: PreviewState = result?.key === key ? result.state : { status: 'loading' };
  return { state, refresh };
}
