#!/usr/bin/env node
// `npm test`: every check the project has, in order, then one closing line "N passed, N failed".
// Each static check (typecheck, lint, format, Electron security scan, build) counts as one test;
// unit and e2e tests count individually from their runners' JSON reports. Skipped tests fail the run:
// a test that cannot run must not look like a pass.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.status === 0;
}

function check(name, command, args, env) {
  if (run(command, args, env)) {
    passed += 1;
  } else {
    failed += 1;
    failures.push(name);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function countSuite(name, exitedCleanly, counts) {
  if (!counts) {
    failed += 1;
    failures.push(`${name}: the runner produced no report`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed + counts.skipped;
  if (counts.failed > 0) failures.push(`${name}: ${counts.failed} failed`);
  if (counts.skipped > 0) failures.push(`${name}: ${counts.skipped} skipped (skips are not allowed)`);
  if (!exitedCleanly && counts.failed === 0) {
    failed += 1;
    failures.push(`${name}: the runner exited with an error`);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

check('typecheck', npx, ['tsc', '-b']);
check('lint', npx, ['eslint', '--max-warnings', '0', '.']);
check('format', npx, ['prettier', '--check', '.']);
check('electron security scan', process.execPath, ['scripts/electronegativity.mjs']);
// The CLI bundle is built with the app: a unit test runs out/cli/kpo.js, so this must come first.
const built = run(npx, ['electron-vite', 'build']) && run(npx, ['vite', 'build', '-c', 'vite.cli.config.ts']);
if (built) passed += 1;
else {
  failed += 1;
  failures.push('build');
}

const unitOk = run(npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}/unit.json`,
]);
const unit = readJson(`${RESULTS}/unit.json`);
countSuite(
  'unit',
  unitOk,
  unit && {
    passed: unit.numPassedTests,
    failed: unit.numFailedTests,
    skipped: unit.numPendingTests + unit.numTodoTests,
  },
);

if (built) {
  const e2eOk = run(npx, ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: `${RESULTS}/e2e.json`,
  });
  const e2e = readJson(`${RESULTS}/e2e.json`);
  countSuite(
    'e2e',
    e2eOk,
    e2e && {
      passed: e2e.stats.expected + e2e.stats.flaky,
      failed: e2e.stats.unexpected + (e2e.errors?.length ?? 0),
      skipped: e2e.stats.skipped,
    },
  );
} else {
  failed += 1;
  failures.push('e2e: not run because the build failed');
}

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
