/**
 * `npm run bench` (scripts/bench.mjs runs this with bench/playwright.config.ts): our dataset import and
 * queries beside PapaParse alone, DuckDB-Wasm and a naive Dexie baseline, in one Chromium. Writes the
 * raw per-run numbers as JSON; scripts/bench.mjs turns them into medians and ratios.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AppPage } from '../e2e/pages/app-page';
import { importCsvThroughUi, openFirstRows, scrollGrid } from './app-driver';
import { startMemorySampler } from './memory-sampler';
import type { BenchMeasure } from './page/main';

const csvPath = process.env.KPO_BENCH_CSV ?? '';
const runs = Number(process.env.KPO_BENCH_RUNS ?? 3);
const outPath = process.env.KPO_BENCH_RAW ?? 'bench/results/raw.json';

interface Timed {
  ms: number;
  rows: number;
}
declare global {
  interface Window {
    kpoLongTasks: number[];
  }
}

/** Long main-thread tasks, recorded from before the app's first script runs. */
const LONG_TASK_RECORDER = `
  window.kpoLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.kpoLongTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

async function peer(page: Page, name: BenchMeasure, arg?: number): Promise<Timed> {
  return page.evaluate(
    async ([fn, value]) => {
      const measure = window.bench[fn] as (...args: number[]) => Promise<Timed> | Timed;
      return measure(...(value === undefined ? [] : [value]));
    },
    [name, arg] as const,
  );
}

async function longestTaskSinceReset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const longest = Math.max(0, ...window.kpoLongTasks);
    window.kpoLongTasks = [];
    return longest;
  });
}

test('datasets benchmark', async ({ browser }) => {
  expect(csvPath, 'KPO_BENCH_CSV must name the generated CSV').not.toBe('');
  const results: Record<string, number>[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addInitScript(LONG_TASK_RECORDER);
    const page = await context.newPage();
    const result: Record<string, number> = { run };

    await page.goto('bench/');
    await page.setInputFiles('#csv', csvPath);
    const papa = await peer(page, 'papaparseAlone');
    result.papaparseMs = papa.ms;
    result.rows = papa.rows;
    const duckImport = await peer(page, 'duckdbImport');
    expect(duckImport.rows).toBe(papa.rows);
    result.duckdbImportMs = duckImport.ms;
    result.duckdbGroupByMs = (await peer(page, 'duckdbGroupBy')).ms;
    result.duckdbFilterSortMs = (await peer(page, 'duckdbFilterSort')).ms;
    result.naiveDexie100kMs = (await peer(page, 'naiveDexie', 100_000)).ms;
    console.log(`run ${String(run + 1)}: peers done ${JSON.stringify(result)}`);
    if (process.env.KPO_BENCH_PEERS_ONLY) continue;

    // A fresh page for our import, so the peers' memory is not counted against it.
    await page.close();
    const appPage = await context.newPage();
    const app = new AppPage(appPage);
    await app.goto();
    await app.completeOnboarding();
    const usageBefore = await appPage.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await longestTaskSinceReset(appPage);
    const sampler = startMemorySampler();
    const imported = await importCsvThroughUi(appPage, csvPath);
    const memory = sampler.stop();
    result.ourImportMs = imported.ms;
    result.longestTaskImportMs = await longestTaskSinceReset(appPage);
    result.peakRendererRssBytes = memory.peakBytes;
    result.rendererRssGrowthBytes = memory.peakBytes - memory.baselineBytes;
    result.diskBytes =
      (await appPage.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)) - usageBefore;

    result.reopenToFirstRowsMs = await openFirstRows(appPage, imported.datasetId);
    await longestTaskSinceReset(appPage);
    await scrollGrid(appPage);
    result.longestTaskScrollMs = await longestTaskSinceReset(appPage);

    await appPage.goto('bench/');
    const loaded = await peer(appPage, 'loadAppTable');
    expect(loaded.rows).toBe(papa.rows);
    result.ourGroupByMs = (await peer(appPage, 'ourGroupBy')).ms;
    result.ourFilterSortMs = (await peer(appPage, 'ourFilterSort')).ms;

    results.push(result);
    console.log(`run ${String(run + 1)}/${String(runs)}: ${JSON.stringify(result)}`);
    await context.close();
  }
  writeFileSync(outPath, JSON.stringify(results, null, 2));
});
