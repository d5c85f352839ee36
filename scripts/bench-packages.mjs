#!/usr/bin/env node
// `npm run bench:packages`: how fast `kpo verify` checks a large package, beside the standard tools a
// client could use instead. Builds a task package holding ~100 MB of generated CSV with the built CLI,
// then times (median of 3 runs each, wall clock, process start included):
//   kpo verify   the whole check: zip limits, inflate, CRCs, BagIt fixity (SHA-512, node:crypto),
//                minisign signature, KPO documents
//   sha512sum    hashing the same CSV bytes alone: the floor for any fixity check
//   unzip -t     Info-ZIP testing the same .kpo (inflate + CRC-32, no hashing, no signature)
// Target: kpo verify within 2x sha512sum. Prints a table and writes bench/results/packages-<time>.json.
// Not part of npm test. Options: --mb <size> (default 100), --runs <n> (default 3).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '100' }, runs: { type: 'string', default: '3' } },
});
const targetBytes = Math.round(Number(values.mb) * 1024 * 1024);
const runs = Number(values.runs);
if (!(targetBytes > 0) || !(runs > 0)) throw new Error('--mb and --runs must be positive numbers');

const root = resolve(import.meta.dirname, '..');
const work = join(root, 'bench/data/packages');
const results = join(root, 'bench/results');
const kpo = join(root, 'out/cli/kpo.js');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
mkdirSync(results, { recursive: true });

function run(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw result.error;
  return { ...result, seconds };
}

function mustSucceed(label, result, expectedStatus = 0) {
  if (result.status !== expectedStatus) {
    throw new Error(
      `${label} exited ${result.status}, expected ${expectedStatus}\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

console.log('Building the CLI (vite build -c vite.cli.config.ts)…');
mustSucceed(
  'build',
  run('npx', ['vite', 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'warn'], { cwd: root }),
);

// A deterministic generator (mulberry32), so every run benchmarks the same bytes.
let seed = 0x6b706f21;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const REGIONS = ['north', 'south', 'east', 'west', 'central'];
const PRODUCTS = ['widget', 'gadget', 'gizmo', 'doohickey', 'sprocket', 'flange', 'grommet'];
const WORDS = ['late', 'delivery', 'refund', 'promo', 'bulk', 'online', 'store', 'returned', 'repeat', 'new'];
const csvPath = join(work, 'transactions.csv');
console.log(`Generating ${(targetBytes / 1048576).toFixed(0)} MiB of CSV…`);
const fd = openSync(csvPath, 'w');
let written = 0;
let row = 0;
writeSync(fd, 'id,date,region,product,quantity,unit_price,total,paid,note\n');
while (written < targetBytes) {
  const lines = [];
  for (let i = 0; i < 10_000; i++) {
    row += 1;
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 366) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const quantity = 1 + Math.floor(random() * 40);
    const price = (1 + random() * 499).toFixed(2);
    const note = Array.from(
      { length: 1 + Math.floor(random() * 4) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    ).join(' ');
    lines.push(
      `${row},${day},${REGIONS[row % REGIONS.length]},${PRODUCTS[Math.floor(random() * PRODUCTS.length)]},${quantity},${price},${(quantity * Number(price)).toFixed(2)},${random() < 0.9},${note}\n`,
    );
  }
  const chunk = lines.join('');
  writeSync(fd, chunk);
  written += Buffer.byteLength(chunk);
}
closeSync(fd);
const csvBytes = statSync(csvPath).size;

writeFileSync(join(work, 'brief.md'), '# Benchmark\n\nA large dataset.\n');
writeFileSync(
  join(work, 'checklist.json'),
  JSON.stringify({
    items: [{ id: 'q', text: 'Every question answered', severity: 'critical', evidenceRequired: false }],
  }),
);
mustSucceed('keygen', run(kpo, ['keygen', '-o', 'bench.key']));
mustSucceed('pubkey', run(kpo, ['pubkey', 'bench.key', '-o', 'bench.pub']));
console.log('Packing it with kpo pack task…');
const pack = mustSucceed(
  'pack',
  run(kpo, [
    'pack',
    'task',
    '--title',
    'Benchmark',
    '--brief',
    'brief.md',
    '--question',
    'How fast is verify?',
    '--due',
    '2030-01-01T00:00:00Z',
    '--data',
    'transactions.csv',
    '--checklist',
    'checklist.json',
    '--key',
    'bench.key',
    '--id',
    'bench',
    '-o',
    'bench.kpo',
  ]),
);
const kpoBytes = statSync(join(work, 'bench.kpo')).size;

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const tools = [
  { name: 'kpo verify', command: kpo, args: ['verify', 'bench.kpo', '--trust', 'bench.pub'] },
  { name: 'sha512sum (CSV only)', command: 'sha512sum', args: ['transactions.csv'] },
  { name: 'unzip -t', command: 'unzip', args: ['-t', '-q', 'bench.kpo'] },
];
// One untimed warm-up each, so the page cache holds both files for every timed run.
for (const tool of tools) mustSucceed(tool.name, run(tool.command, tool.args));
for (const tool of tools) tool.seconds = [];
for (let i = 0; i < runs; i++) {
  for (const tool of tools) tool.seconds.push(mustSucceed(tool.name, run(tool.command, tool.args)).seconds);
}
const baseline = median(tools[1].seconds);
for (const tool of tools) {
  tool.median = median(tool.seconds);
  tool.ratio = tool.median / baseline;
}

const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
console.log('');
console.log(
  `CSV ${mib(csvBytes)} (${row.toLocaleString('en')} rows), package ${mib(kpoBytes)}, packed in ${pack.seconds.toFixed(1)} s`,
);
console.log(
  `median of ${runs} runs, wall clock including process start; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`,
);
console.log('');
const header = ['tool', 'median s', 'MiB/s (CSV)', '× sha512sum', 'runs (s)'];
const rows = tools.map((t) => [
  t.name,
  t.median.toFixed(3),
  (csvBytes / 1048576 / t.median).toFixed(0),
  t.ratio.toFixed(2),
  t.seconds.map((s) => s.toFixed(3)).join(' '),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const verifyRatio = tools[0].ratio;
const met = verifyRatio <= 2;
// What a client without kpo runs for the same assurance (minus the signature): unzip, then sha512sum -c.
const standardTools = tools[1].median + tools[2].median;
console.log('');
console.log(
  `unzip -t + sha512sum (the standard tools' share of the same checks): ${standardTools.toFixed(3)} s; kpo verify takes ${(tools[0].median / standardTools).toFixed(2)}x that`,
);
console.log(`target kpo verify <= 2x sha512sum: ${met ? 'met' : 'NOT met'} (${verifyRatio.toFixed(2)}x)`);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const output = join(results, `packages-${stamp}.json`);
writeFileSync(
  output,
  `${JSON.stringify(
    {
      benchmark: 'packages',
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: process.platform,
        arch: process.arch,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        totalMemBytes: totalmem(),
        // Other work on the machine skews every timing; record how busy it was.
        loadAverage1m: loadavg()[0],
      },
      csvBytes,
      csvRows: row,
      packageBytes: kpoBytes,
      packSeconds: pack.seconds,
      runs,
      tools: tools.map(({ name, command, args, seconds, median: m, ratio }) => ({
        name,
        command: [command, ...args].join(' '),
        seconds,
        median: m,
        ratioToSha512sum: ratio,
      })),
      standardToolsSeconds: standardTools,
      target: { verifyAtMostTimesSha512sum: 2, met },
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${output}`);
