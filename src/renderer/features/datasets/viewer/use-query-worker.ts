import type { Remote } from 'comlink';
import { wrap } from 'comlink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryWorker } from '../../../workers/query.worker';
import type { DatasetSummary, RunOutcome } from '../../../workers/query-engine';
import { errorMessage } from '../../common/error-message';

export type QueryRemote = Remote<QueryWorker>;

export type DatasetState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; summary: DatasetSummary; remote: QueryRemote };

/**
 * One query worker per open dataset: it loads the table once and keeps it while the viewer is
 * mounted; it is terminated when the viewer goes, which frees the table's memory at once.
 */
export function useQueryWorker(datasetId: string): { state: DatasetState; reload: () => Promise<void> } {
  const [state, setState] = useState<DatasetState>({ status: 'loading' });
  const remoteRef = useRef<QueryRemote | undefined>(undefined);

  useEffect(() => {
    const worker = new Worker(new URL('../../../workers/query.worker.ts', import.meta.url), {
      type: 'module',
      name: 'query',
    });
    const remote = wrap<QueryWorker>(worker);
    remoteRef.current = remote;
    let cancelled = false;
    // A worker that fails to start (or dies) never answers; say so instead of loading forever.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (!cancelled)
        setState({ status: 'error', error: `The query worker stopped: ${event.message || 'unknown error'}` });
    });
    remote.open(datasetId).then(
      (summary) => {
        if (!cancelled) setState({ status: 'ready', summary, remote });
      },
      (caught: unknown) => {
        if (!cancelled) setState({ status: 'error', error: errorMessage(caught) });
      },
    );
    return () => {
      cancelled = true;
      remoteRef.current = undefined;
      worker.terminate();
    };
  }, [datasetId]);

  /** Re-reads the dataset (after its column types changed). */
  const reload = useCallback(async () => {
    const remote = remoteRef.current;
    if (!remote) return;
    const summary = await remote.open(datasetId, true);
    setState({ status: 'ready', summary, remote });
  }, [datasetId]);

  return { state, reload };
}

export type ViewState =
  | { status: 'running'; last?: Extract<RunOutcome, { ok: true }> }
  | { status: 'done'; outcome: Extract<RunOutcome, { ok: true }> }
  | { status: 'failed'; error: string; last?: Extract<RunOutcome, { ok: true }> };

interface Answer {
  readonly forRequest: string;
  readonly outcome?: Extract<RunOutcome, { ok: true }>;
  readonly error?: string;
  /** The newest successful outcome, shown while a newer request runs or after one failed. */
  readonly last?: Extract<RunOutcome, { ok: true }>;
}

/**
 * Runs the spec in the worker after `delay` ms without further changes (typing in a filter), and
 * keeps only the answer to the newest request. `version` forces a re-run with the same spec.
 */
export function useViewResult(
  remote: QueryRemote | undefined,
  spec: unknown,
  version: number,
  delay = 200,
): ViewState {
  const [answer, setAnswer] = useState<Answer>();
  const key = JSON.stringify(spec);
  const request = `${version}:${key}`;
  const latest = useRef(request);

  useEffect(() => {
    latest.current = request;
    if (!remote) return;
    const timer = setTimeout(() => {
      remote.run(JSON.parse(key) as unknown).then(
        (outcome) => {
          if (latest.current !== request) return;
          setAnswer((previous) =>
            outcome.ok
              ? { forRequest: request, outcome, last: outcome }
              : { forRequest: request, error: outcome.error, last: previous?.last },
          );
        },
        (caught: unknown) => {
          if (latest.current !== request) return;
          setAnswer((previous) => ({
            forRequest: request,
            error: errorMessage(caught),
            last: previous?.last,
          }));
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [remote, key, request, delay]);

  if (answer?.forRequest !== request) return { status: 'running', last: answer?.last };
  if (answer.outcome) return { status: 'done', outcome: answer.outcome };
  return { status: 'failed', error: answer.error ?? 'The view failed.', last: answer.last };
}
