/**
 * Warm query timings in Node, without a browser: builds the benchmark table with the core CSV
 * importer, then times runView (median of many runs) for the bench queries and a few other
 * common views. Bundle and run:
 *
 *   npx rolldown bench/query-profile.ts --format esm --platform node -o node_modules/.cache/query-profile.mjs
 *   node node_modules/.cache/query-profile.mjs /tmp/orders-1000000.csv [runs] [name-filter]
 *
 * Add --cpu-prof to node to profile. Numbers are for comparing before/after on one machine.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { createCsvImporter } from '../src/core/csv';
import { createTable, parseViewSpec, runView } from '../src/core/table';
import type { ColumnSchema, Table, TableChunk } from '../src/core/table';
import { QUERIES } from './query-views';

function loadTable(path: string): Table {
  const importer = createCsvImporter();
  const chunks: TableChunk[] = [];
  const fd = openSync(path, 'r');
  const slice = new Uint8Array(1 << 20);
  for (;;) {
    const n = readSync(fd, slice, 0, slice.length, null);
    if (n === 0) break;
    chunks.push(...importer.push(slice.slice(0, n)));
  }
  closeSync(fd);
  const result = importer.finish();
  if (result.status !== 'complete') throw new Error(`import needs a restart: ${result.reason}`);
  chunks.push(...result.chunks);
  const schema: ColumnSchema[] = result.schema;
  return createTable(schema, chunks);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return ((s[Math.floor(m)] ?? NaN) + (s[Math.ceil(m)] ?? NaN)) / 2;
}

const [path = '/tmp/orders-1000000.csv', runsArg = '15', only = ''] = process.argv.slice(2);
const runs = Number(runsArg);
const loadStart = performance.now();
const table = loadTable(path);
console.log(`loaded ${table.rowCount} rows in ${(performance.now() - loadStart).toFixed(0)} ms`);
for (const q of QUERIES) {
  if (only !== '' && !q.name.includes(only)) continue;
  const spec = parseViewSpec(q.spec);
  const options = q.limit === undefined ? {} : { limit: q.limit };
  const first = performance.now();
  let result = runView(table, spec, options);
  const cold = performance.now() - first;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    result = runView(table, spec, options);
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  console.log(
    `${q.name.padEnd(52)} first ${cold.toFixed(1).padStart(7)} ms  warm median ${median(times)
      .toFixed(1)
      .padStart(7)} ms  min ${Math.min(...times)
      .toFixed(1)
      .padStart(
        7,
      )} ms  cpu median ${median(cpuTimes).toFixed(1).padStart(7)} ms  (${result.matchedRows} matched, ${result.rows.length} rows)`,
  );
}
