import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import baseConfig from '../playwright.config';

const port = Number(process.env.KPO_BENCH_PORT ?? 5197);

/** `npm run bench` only: one worker (timings must not share the CPU), long timeouts, its own server. */
export default defineConfig({
  ...baseConfig,
  testDir: '.',
  testMatch: 'datasets.bench.ts',
  timeout: 60 * 60_000,
  expect: { timeout: 10 * 60_000 },
  fullyParallel: false,
  workers: 1,
  reporter: 'list',
  use: { ...baseConfig.use, baseURL: `http://127.0.0.1:${String(port)}/`, trace: 'off' },
  webServer: {
    command: `node bench/serve-bench.mjs ${String(port)}`,
    url: `http://127.0.0.1:${String(port)}/`,
    cwd: resolve(import.meta.dirname, '..'),
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
