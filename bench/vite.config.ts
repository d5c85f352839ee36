import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the benchmark's peer page into out/renderer/bench/, so it shares the app's origin. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  resolve: { alias: { '@core': resolve(import.meta.dirname, '../src/core') } },
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, '../out/renderer/bench'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8192,
  },
});
