import { chmodSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

/** Makes the bundle executable, so ./out/cli/kpo.js runs without `node` in front. */
function executable(): Plugin {
  return {
    name: 'kpo-cli-executable',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (fileName.endsWith('.js')) chmodSync(resolve(options.dir ?? 'out/cli', fileName), 0o755);
      }
    },
  };
}

/**
 * The `kpo` command line as one Node ESM file, out/cli/kpo.js: core and its dependencies (noble,
 * zod, fflate, papaparse) bundled in, Node built-ins left as imports, and a shebang so
 * package.json's "bin" can point at it directly.
 */
export default defineConfig({
  plugins: [executable()],
  resolve: {
    alias: { '@core': resolve(import.meta.dirname, 'src/core') },
  },
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/kpo.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: {
        format: 'es',
        entryFileNames: 'kpo.js',
        banner: '#!/usr/bin/env node',
      },
    },
  },
  ssr: {
    // Bundle every dependency: the file must run with no node_modules next to it.
    noExternal: true,
    target: 'node',
  },
});
