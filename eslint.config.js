// @ts-check
// ESLint for the whole monorepo: `npx eslint .` from the root. Formatting is Prettier's job
// (`.prettierrc.json`); eslint-config-prettier, last, switches off every rule that would disagree with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Files that no tsconfig includes (tool configs, plain-JS launchers): linted without type information. */
const untyped = ['**/*.js', '**/*.mjs', '**/*.cjs', 'vite.app.config.ts', '*/vite.config.ts'];

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', '**/test-results/', '**/data/', '**/coverage/']),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  vue.configs['flat/recommended'],

  {
    // A disable comment that no longer disables anything is stale: it fails the lint rather than lingering.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parserOptions: {
        // The type-checking projects, in the order they are tried for each file: the Node side
        // (shared, hardware, hub-server, tests, bench), the Electron shells, then each app
        // (its src and the shared client code; the first app that includes a shared file types it).
        project: [
          './tsconfig.check.json',
          './tsconfig.electron.json',
          './kiosk-app/tsconfig.json',
          './counter-app/tsconfig.json',
          './display-app/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
  },

  {
    // `<script setup lang="ts">`: vue-eslint-parser for the SFC, typescript-eslint's parser for the script.
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser },
      globals: globals.browser,
    },
    rules: {
      // TypeScript itself reports undefined names (vue-tsc in each app's typecheck), as for .ts files.
      'no-undef': 'off',
    },
  },

  {
    files: ['kiosk-app/src/**', 'counter-app/src/**', 'display-app/src/**', 'shared/client/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts'],
    ignores: ['kiosk-app/src/**', 'counter-app/src/**', 'display-app/src/**', 'shared/client/**'],
    languageOptions: { globals: globals.node },
  },

  {
    files: untyped,
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    rules: {
      // `_`-prefixed names are deliberately unused (a parameter kept for its position, a skipped element).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },

  prettier,
);
