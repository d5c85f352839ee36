import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import type { LoadedViewTable } from './view-table';
import { loadViewTable } from './view-table';

export type ViewTableState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | ({ status: 'ready' } & LoadedViewTable);

/**
 * A saved view's current result, re-read whenever the view is edited or its dataset changes, so
 * everything built on it (charts, tables in findings) stays live.
 */
export function useViewTable(viewId: string | undefined, maxRows?: number): ViewTableState {
  const stamp = useLiveQuery(async () => {
    if (!viewId) return null;
    const view = await repositories.savedViews.get(viewId);
    if (!view) return null;
    const dataset = await repositories.datasets.get(view.datasetId);
    return `${view.updatedAt}|${dataset?.id ?? ''}|${JSON.stringify(dataset?.columns ?? [])}`;
  }, [viewId]);
  const [state, setState] = useState<{ key: string; value: ViewTableState }>();
  const key = `${viewId ?? ''}|${stamp ?? ''}|${maxRows ?? ''}`;

  useEffect(() => {
    if (!viewId || !stamp) return;
    let cancelled = false;
    loadViewTable(viewId, maxRows).then(
      (loaded) => {
        if (!cancelled) setState({ key, value: { status: 'ready', ...loaded } });
      },
      (caught: unknown) => {
        if (!cancelled) setState({ key, value: { status: 'error', error: errorMessage(caught) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [viewId, stamp, maxRows, key]);

  if (stamp === null) return { status: 'missing' };
  if (stamp === undefined || state?.key !== key) return { status: 'loading' };
  return state.value;
}
