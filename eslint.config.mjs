import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  // Formatting is Prettier's (`npm run format:check`); the linter keeps to what can be wrong.
  prettier,
  {
    rules: {
      // One import order everywhere: node and packages, then `@/…`, then relative; each group alphabetical.
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The data layer is async on both databases: a promise left unawaited, or tested as a boolean, is a bug.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test runs what test() and describe() return; they are not left unawaited by mistake.
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['test', 'it', 'describe', 'suite'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    // Components draw what they are given; reading data, signing or sending mail is the server layers' job, and
    // what a route exports (an action's state) is declared in the feature, so components never reach into app/.
    files: ['components/**', 'features/*/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/**'],
              message: 'Components do not import routes: declare the shape in the feature (its schema.ts) instead.',
            },
            {
              group: ['@/db', '@/db/**', '@/jobs/**', '@/lib/security/**', '@/features/mail/transport'],
              message: 'Components take data as props: read it in a page, an action or a route.',
            },
          ],
        },
      ],
    },
  },
  {
    // The data layer is only data: it knows no request (cookies, redirects), no feature and no UI. Types of the
    // values it stores may come from a feature (they leave nothing in the built code).
    files: ['db/**'],
    // The data layer's own tests seed through the features that write it (an application, an account).
    ignores: ['db/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next/headers', message: 'db/ knows no request: read cookies in the feature above it.' },
            { name: 'next/navigation', message: 'db/ knows no request: redirect in the feature above it.' },
          ],
          patterns: [
            {
              group: ['@/features/**', '@/app/**', '@/components/**', '@/jobs/**'],
              allowTypeImports: true,
              message: 'db/ imports nothing above it: move the value to lib/ or the query to its feature.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared utilities belong to no feature: they import neither features nor routes nor UI.
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/**', '@/app/**', '@/components/**', '@/jobs/**'],
              allowTypeImports: true,
              message: 'lib/ is shared by every feature and imports none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**'],
    rules: {
      // Playwright's fixtures hand their value to a callback named `use`; it is not React's `use` hook.
      'react-hooks/rules-of-hooks': 'off',
    },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'data/**',
    'dist/**',
  ]),
]);
