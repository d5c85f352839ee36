import type { ChartSpec } from '@core/charts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import type { LoadedChartData, LoadedViewTable } from './view-table';
import { loadChartData, loadViewTable } from './view-table';

export type ViewLoadState<T> =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | ({ status: 'ready' } & T);

export type ViewTableState = ViewLoadState<LoadedViewTable>;
export type ChartDataState = ViewLoadState<LoadedChartData>;

/**
 * Something computed from a saved view's current result, recomputed whenever the view is edited or
 * its dataset changes (so everything built on it stays live) and whenever `requestKey` changes.
 */
function useViewLoad<T>(
  viewId: string | undefined,
  requestKey: string,
  load: (viewId: string) => Promise<T>,
): ViewLoadState<T> {
  const stamp = useLiveQuery(async () => {
    if (!viewId) return null;
    const view = await repositories.savedViews.get(viewId);
    if (!view) return null;
    const dataset = await repositories.datasets.get(view.datasetId);
    return `${view.updatedAt}|${dataset?.id ?? ''}|${JSON.stringify(dataset?.columns ?? [])}`;
  }, [viewId]);
  const [state, setState] = useState<{ key: string; value: ViewLoadState<T> }>();
  const key = `${viewId ?? ''}|${stamp ?? ''}|${requestKey}`;
  // The latest loader, without making every new closure a reason to load again: `key` says when.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (!viewId || !stamp) return;
    let cancelled = false;
    loadRef.current(viewId).then(
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
  }, [viewId, stamp, key]);

  if (stamp === null) return { status: 'missing' };
  if (stamp === undefined || state?.key !== key) return { status: 'loading' };
  return state.value;
}

/** A saved view's first `maxRows` rows (0: only its columns), kept live. */
export function useViewTable(viewId: string | undefined, maxRows: number): ViewTableState {
  return useViewLoad(viewId, String(maxRows), async (id) => loadViewTable(id, maxRows));
}

/** What a chart spec draws, from every row of its view's current result, kept live. */
export function useChartData(spec: ChartSpec | undefined): ChartDataState {
  // Only what changes the numbers reloads them: editing a title or caption redraws, not recomputes.
  const dataKey = spec
    ? JSON.stringify([spec.viewId, spec.type, spec.x, spec.y, spec.series ?? null, spec.bins ?? null])
    : '';
  const state = useViewLoad(spec?.viewId, dataKey, async () => {
    if (!spec) throw new Error('No chart to draw.');
    return loadChartData(spec);
  });
  return spec ? state : { status: 'loading' };
}
