import { wrap } from 'comlink';
import type { SavedViewRecord } from '../../db';
import type { QueryWorker } from '../../workers/query.worker';

/**
 * A saved view's result as CSV (formula-escaped, as the viewer's export writes it), computed in a
 * query worker of its own that is terminated as soon as the CSV is out.
 */
export async function exportViewCsv(view: SavedViewRecord): Promise<string> {
  const worker = new Worker(new URL('../../workers/query.worker.ts', import.meta.url), {
    type: 'module',
    name: 'query',
  });
  try {
    const remote = wrap<QueryWorker>(worker);
    await remote.open(view.datasetId);
    const outcome = await remote.run(view.spec);
    if (!outcome.ok) throw new Error(outcome.error);
    const bytes = await remote.exportCsv(outcome.handle, true);
    if (!bytes) throw new Error('the query worker returned no CSV');
    return new TextDecoder().decode(bytes);
  } finally {
    worker.terminate();
  }
}
