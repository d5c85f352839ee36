#!/usr/bin/env node
// `npm run bench`: the datasets benchmark (not part of `npm test`). Builds the app and the peer page,
// generates a seeded CSV, runs bench/datasets.bench.ts in Chromium, then prints medians and ratios
// against PapaParse alone (the anchor) and DuckDB-Wasm (the peer), and writes them under bench/results/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateBenchCsv } from '../bench/generate-csv.mjs';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args, env = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!values['no-build']) {
  run(npx, ['electron-vite', 'build']);
  run(npx, ['vite', 'build', '-c', 'bench/vite.config.ts']);
}

mkdirSync('bench/data', { recursive: true });
mkdirSync('bench/results', { recursive: true });
const csvPath = `bench/data/orders-${rows}.csv`;
if (!existsSync(csvPath)) {
  console.log(`generating ${csvPath}`);
  await generateBenchCsv(csvPath, rows);
}
const csvBytes = statSync(csvPath).size;
console.log(`${csvPath}: ${(csvBytes / 1e6).toFixed(1)} MB, ${rows} rows`);

const rawPath = 'bench/results/raw.json';
run(npx, ['playwright', 'test', '-c', 'bench/playwright.config.ts'], {
  KPO_BENCH_CSV: csvPath,
  KPO_BENCH_RUNS: String(runs),
  KPO_BENCH_RAW: rawPath,
});

const raw = JSON.parse(readFileSync(rawPath, 'utf8'));
const median = (key) => {
  const sorted = raw.map((r) => r[key]).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const m = Object.fromEntries(Object.keys(raw[0]).map((key) => [key, median(key)]));
const MB = 1e6;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : 'MISSED');

const table = [
  ['measure', 'median', 'ratio', 'target', ''],
  [
    'PapaParse alone (header, dynamicTyping): anchor',
    `${m.papaparseMs.toFixed(0)} ms`,
    '1.00× anchor',
    '',
    '',
  ],
  [
    'DuckDB-Wasm read_csv into a table: peer',
    `${m.duckdbImportMs.toFixed(0)} ms`,
    `${ratio(m.duckdbImportMs, m.papaparseMs)} anchor`,
    '',
    '',
  ],
  [
    'naive Dexie bulkAdd, 100k rows, one record each',
    `${m.naiveDexie100kMs.toFixed(0)} ms`,
    `${ratio(m.naiveDexie100kMs, m.papaparseMs)} anchor`,
    '',
    '',
  ],
  [
    'our import to ready IndexedDB',
    `${m.ourImportMs.toFixed(0)} ms`,
    `${ratio(m.ourImportMs, m.papaparseMs)} anchor, ${ratio(m.ourImportMs, m.duckdbImportMs)} DuckDB`,
    '≤ 0.8× anchor, ≤ 1.0× DuckDB',
    verdict(m.ourImportMs <= 0.8 * m.papaparseMs && m.ourImportMs <= m.duckdbImportMs),
  ],
  [
    'warm group-by (region × month: sum, count)',
    `${m.ourGroupByMs.toFixed(1)} ms`,
    `${ratio(m.ourGroupByMs, m.duckdbGroupByMs)} DuckDB (${m.duckdbGroupByMs.toFixed(1)} ms)`,
    '≤ 25 ms',
    verdict(m.ourGroupByMs <= 25),
  ],
  [
    'filter + sort, top 100',
    `${m.ourFilterSortMs.toFixed(1)} ms`,
    `${ratio(m.ourFilterSortMs, m.duckdbFilterSortMs)} DuckDB (${m.duckdbFilterSortMs.toFixed(1)} ms)`,
    '≤ 60 ms',
    verdict(m.ourFilterSortMs <= 60),
  ],
  [
    'reload to first rows on screen',
    `${m.reopenToFirstRowsMs.toFixed(0)} ms`,
    '',
    '≤ 700 ms',
    verdict(m.reopenToFirstRowsMs <= 700),
  ],
  [
    'disk used (storage estimate)',
    `${(m.diskBytes / MB).toFixed(1)} MB`,
    `${ratio(m.diskBytes, csvBytes)} CSV`,
    '≤ 0.6× CSV',
    verdict(m.diskBytes <= 0.6 * csvBytes),
  ],
  [
    // Growth over the renderers' memory just before the import: what importing this file costs.
    // RSS counts the page and its workers' JS heaps and everything else, so it bounds the heap.
    'peak memory added by the import (renderer RSS ⊇ JS heaps)',
    `${(m.rendererRssGrowthBytes / MB).toFixed(0)} MB`,
    `${ratio(m.rendererRssGrowthBytes, csvBytes)} CSV`,
    '≤ 2.5× CSV',
    verdict(m.rendererRssGrowthBytes <= 2.5 * csvBytes),
  ],
  [
    'longest main-thread task, import',
    `${m.longestTaskImportMs.toFixed(0)} ms`,
    '',
    '≤ 50 ms',
    verdict(m.longestTaskImportMs <= 50),
  ],
  [
    'longest main-thread task, scrolling',
    `${m.longestTaskScrollMs.toFixed(0)} ms`,
    '',
    '≤ 50 ms',
    verdict(m.longestTaskScrollMs <= 50),
  ],
];

const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
const markdown = table
  .map((row, i) => {
    const line = `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
    return i === 0 ? `${line}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : line;
  })
  .join('\n');
console.log(`\n${rows} rows × 12 columns, ${(csvBytes / MB).toFixed(1)} MB, medians of ${raw.length} runs\n`);
console.log(markdown);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(
  `bench/results/datasets-${stamp}.json`,
  JSON.stringify({ date: new Date().toISOString(), rows, csvBytes, medians: m, runs: raw }, null, 2),
);
writeFileSync('bench/results/datasets-latest.md', `${markdown}\n`);
