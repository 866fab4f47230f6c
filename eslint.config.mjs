/**
 * One ESLint (flat config) for the whole repository: typescript-eslint's recommended rules everywhere,
 * Grafana's plugin rules (@grafana/eslint-config) for the Grafana plugins in plugin/.
 * Formatting is Prettier's job (.prettierrc.json); eslint-config-prettier turns the clashing rules off.
 */
import js from '@eslint/js';
import grafanaConfig from '@grafana/eslint-config';
import grafanaI18n from '@grafana/i18n/eslint-plugin';
import prettierConfig from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    'data/',
    'test-results/',
    '.tmp/',
    // the Grafana scaffold's generated build files ("do not edit"; `create-plugin update` rewrites them)
    'plugin/.config/',
    // NAB's scorer, vendored as it was written (a measuring tool, not the product's code)
    'bench/nab/nab-score.mjs',
  ]),

  { files: ['**/*.{js,mjs,cjs,ts,tsx}'], extends: [js.configs.recommended, tseslint.configs.recommended] },
  {
    rules: {
      // `_`-prefixed parameters and destructured rest siblings are intentionally unused
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
    },
  },

  // Node: the service, the cross-package tests, build and test configuration
  {
    files: ['collector-service/**', 'tests/**', '*.{js,mjs,ts}', 'plugin/*.{js,ts}', 'plugin/jest/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS configuration files (jest): require() is how they load modules
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{test,spec}.{ts,tsx}', '**/test/**', 'tests/**', 'plugin/jest-setup.js'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // Promises nobody awaits or catches lose their errors: checked with types (the project's tsconfigs)
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        // The plugins' webpack build file belongs to no package's tsconfig.json: checked on its own.
        projectService: { allowDefaultProject: ['plugin/webpack.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Tests and their harnesses read untyped JSON/YAML (service answers, dashboards, compose files, built plugin
    // modules) and probe it field by field; the code under test has its types checked at the boundaries.
    files: ['**/*.{test,spec}.{ts,tsx}', '**/test/**', 'tests/**', 'plugin/src/testing/**', 'plugin/browser/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // The Grafana plugins and their Chromium host page (browser code, React)
  {
    files: ['plugin/src/**/*.{ts,tsx}', 'plugin/browser/**/*.{ts,tsx}'],
    extends: [grafanaConfig],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // types, not prop-types, check component props
      'react/prop-types': 'off',
    },
  },
  {
    // every text an operator reads goes through t() (see plugin/README.md, Languages)
    files: ['plugin/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'plugin/src/testing/**'],
    plugins: { '@grafana/i18n': grafanaI18n },
    rules: {
      '@grafana/i18n/no-untranslated-strings': ['error', { calleesToIgnore: ['^css$', 'use[A-Z].*'] }],
      '@grafana/i18n/no-translation-top-level': 'error',
    },
  },
  {
    files: ['plugin/browser/**/*.ts', 'plugin/src/testing/**'],
    languageOptions: { globals: { ...globals.node } },
  },

  prettierConfig,
]);
