// @ts-check
// Lint rules for the whole repository. Formatting is Prettier's job (.prettierrc.json):
// nothing here is about layout, so the two never disagree.
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', 'coverage/', 'data/', 'test-results/']),
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Type information is what lets no-floating-promises see a promise returned across modules.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A leading underscore is how this code base names what it drops on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Yjs declares no toString() on Y.Text, though it returns the document's text.
      '@typescript-eslint/no-base-to-string': ['error', { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', 'YText'] }],
      // socket.io's Server<…> takes an inter-server event map; this app has none.
      '@typescript-eslint/no-empty-object-type': ['error', { allowWithName: '^InterServerEvents$' }],
      // Rejections pass on what a catch received, which TypeScript types as unknown.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // React ignores what a handler returns; the async form handlers catch their own errors
      // (command() resolves to an ack, never rejects). Promises passed elsewhere are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // A listener made before what it calls exists (app.ts's handleRequest) is assigned once, later.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Noise here: handlers and storage fakes are async because their interface returns a Promise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Kysely's own advice: a migration sees the schema as it was then, not today's typed one.
    files: ['server/src/store/migrations.ts', 'server/src/store/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/**', '**/*.test.ts', '**/*.test-d.ts'],
    rules: {
      // Tests read untyped wire payloads (res.json(), acks) and their assertions are the check.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // vitest's documented `async ({ expect, onTestFinished }) =>` destructures its test context.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    // Only the two classic hook rules: the plugin's React Compiler rules assume a compiler this
    // project does not use.
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Plain JavaScript (build scripts, this file) has no tsconfig: lint it without types.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
