/**
 * The core importer alone, as the import worker drives it: a CSV file fed in 1 MiB slices,
 * optionally hashed with noble SHA-256 on the same thread. For `node --cpu-prof` and timing:
 *
 *   npx rolldown bench/import-profile.ts --format esm --platform node -o node_modules/.cache/bench/import-profile.mjs
 *   node node_modules/.cache/bench/import-profile.mjs /tmp/orders-1000000.csv [--no-hash] [--runs 3] [--check]
 *
 * --check also prints a fingerprint of the chunks and report, to confirm a change kept the output.
 */
import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createCsvImporter } from '../src/core/csv';
import type { TableChunk } from '../src/core/table';

const SLICE = 1 << 20;

interface Run {
  ms: number;
  cpuMs: number;
  rows: number;
  chunks: number;
  digest: string;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** A digest of everything the import produced (chunks and report), to compare two builds' output. */
function fingerprint(chunks: readonly TableChunk[], report: unknown): string {
  const h = sha256.create();
  const text = new TextEncoder();
  for (const chunk of chunks) {
    h.update(text.encode(`#${chunk.index}:${chunk.rowCount}`));
    for (const column of chunk.columns) {
      h.update(text.encode(column.kind));
      if (column.kind === 'string') {
        h.update(new Uint8Array(column.codes.buffer, column.codes.byteOffset, column.codes.byteLength));
        h.update(text.encode(JSON.stringify(column.dictionary)));
      } else
        h.update(new Uint8Array(column.values.buffer, column.values.byteOffset, column.values.byteLength));
    }
  }
  h.update(text.encode(JSON.stringify(report)));
  return bytesToHex(h.digest()).slice(0, 16);
}

function importOnce(bytes: Uint8Array, hash: boolean, check: boolean): Run {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const hasher = hash ? sha256.create() : undefined;
  const importer = createCsvImporter();
  const chunks: TableChunk[] = [];
  for (let offset = 0; offset < bytes.length; offset += SLICE) {
    // A copy, as a file stream hands out fresh buffers.
    const slice = bytes.slice(offset, Math.min(bytes.length, offset + SLICE));
    hasher?.update(slice);
    // Only the count is kept, as the worker writes chunks away at once.
    for (const chunk of importer.push(slice)) chunks.push(check ? chunk : { ...chunk, columns: [] });
  }
  const result = importer.finish();
  if (result.status !== 'complete') {
    const report = { reason: result.reason, options: result.restartOptions, report: result.report };
    return { ms: 0, cpuMs: 0, rows: 0, chunks: 0, digest: `restart ${fingerprint([], report)}` };
  }
  chunks.push(...result.chunks);
  const digest = hasher ? bytesToHex(hasher.digest()).slice(0, 12) : '';
  return {
    ms: performance.now() - started,
    cpuMs: cpuMs(cpu),
    rows: result.report.rowCount,
    chunks: chunks.length,
    digest: check ? `${digest} output ${fingerprint(chunks, result.report)}` : digest,
  };
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? '/tmp/orders-1000000.csv';
const hash = !args.includes('--no-hash');
const check = args.includes('--check');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const bytes = readFileSync(file);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const r = importOnce(bytes, hash, check);
  times.push(r.ms);
  console.log(
    `run ${i + 1}: ${r.ms.toFixed(0)} ms (cpu ${r.cpuMs.toFixed(0)} ms), ${r.rows} rows, ${r.chunks} chunks ${r.digest}`,
  );
}
times.sort((a, b) => a - b);
console.log(
  `median ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(0)} ms (hash ${hash ? 'on' : 'off'})`,
);
