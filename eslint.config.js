// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import a path matching one of these process folders from another one and the build breaks. */
const folder = (name) => `(^|/)(src/)?${name}(/|$)`;
const restrict = (...entries) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: entries.map(([regex, message]) => ({ regex, message })),
    },
  ],
});

const NODE_BUILTINS = ['^node:', '^(fs|path|os|child_process|net|http|https|crypto|worker_threads)$'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/promise-function-async': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  // Process boundaries (DESIGN.md §2): dependencies point inward to core.
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      ...restrict(
        ['^electron$', 'core is pure: no Electron'],
        ['^dexie', 'core is pure: storage lives in renderer/db'],
        ['^(react|react-dom|@mantine/.*|@tabler/.*)$', 'core is pure: no UI'],
        [folder('(main|preload|renderer|cli|shared)'), 'core depends on nothing of ours outside core'],
        ['^@shared/', 'core depends on nothing of ours outside core'],
        ...NODE_BUILTINS.map((r) => [r, 'core runs in browsers and workers too: no Node built-ins']),
      ),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement'].map(
          (name) => ({ name, message: 'core has no DOM' }),
        ),
      ],
    },
  },
  {
    // Core's tests run only in Node and drive real tools (minisign, sha512sum) through it.
    files: ['src/core/**/*.test.ts'],
    rules: restrict(
      ['^electron$', 'core is pure: no Electron'],
      ['^dexie', 'core is pure: storage lives in renderer/db'],
      [folder('(main|preload|renderer|cli|shared)'), 'core depends on nothing of ours outside core'],
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['^electron$', 'the renderer reaches Electron only through window.kpo (platform/electron)'],
        [folder('(main|preload|cli)'), 'the renderer may not import another process'],
        ...NODE_BUILTINS.map((r) => [r, 'the renderer runs sandboxed: no Node built-ins']),
      ),
    },
  },
  {
    // Components read data through repositories and live queries, never Dexie directly.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/db/**', 'src/renderer/workers/**'],
    rules: {
      ...restrict(
        ['^electron$', 'the renderer reaches Electron only through window.kpo (platform/electron)'],
        [folder('(main|preload|cli)'), 'the renderer may not import another process'],
        ['^dexie$', 'use a repository in renderer/db and useLiveQuery, not Dexie directly'],
        ...NODE_BUILTINS.map((r) => [r, 'the renderer runs sandboxed: no Node built-ins']),
      ),
    },
  },
  {
    // Repository tests run in Node on fake-indexeddb and drive the real minisign binary.
    files: ['src/renderer/**/*.test.{ts,tsx}'],
    rules: restrict(
      ['^electron$', 'the renderer reaches Electron only through window.kpo (platform/electron)'],
      [folder('(main|preload|cli)'), 'the renderer may not import another process'],
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(
      [folder('(renderer|preload|cli)'), 'main may not import another process'],
      ['^(react|react-dom|dexie|@mantine/.*)', 'main has no UI or IndexedDB'],
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      [folder('(renderer|main|cli|core)'), 'preload exposes the IPC contract and nothing else'],
      ['^(?!electron$|\\.\\./shared/|@shared/).*', 'preload imports only electron and the shared contract'],
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(
      [folder('(renderer|main|preload)'), 'the CLI uses core only'],
      ['^(electron|dexie|react|react-dom|@mantine/.*)$', 'the CLI uses core only'],
    ),
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      folder('(renderer|main|preload|cli)'),
      'shared is imported by processes, not the reverse',
    ]),
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'test/**/*.ts', 'scripts/**/*', 'bench/**/*'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
