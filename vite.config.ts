import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './client/build/precompress.js';

// One file for the client build and the three kinds of tests (STYLE.md §6).
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No source maps for browsers (WEB4): they doubled what a deploy serves and showed the source.
    sourcemap: false,
    manifest: true, // read by `npm run bench:bundle`
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry needs up front (React, i18next, the join and home views) in one
          // chunk instead of a dozen small ones: on a 400 ms link each extra file costs a round trip.
          groups: [{ name: 'initial', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
      '/yjs': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
  test: {
    root: '.',
    globalSetup: ['test/helpers/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          // Type tests (expectTypeOf) of the protocol's derived maps, checked by tsc as part of the run.
          typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: 'shared/tsconfig.test-d.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Live updates to non-staff are coalesced (attendance at most once a second, PRES2), and
          // these machines are shared: a poll waits for the event, it does not time the server.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          // Three nodes, HAProxy and a node killed mid-round per test: slow to boot on two cores.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 15_000 } },
          // Each file starts its own three nodes: one file at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 10_000 } }, // as for integration, with a browser in between
          // Two cores: one browser test file at a time keeps them from starving each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
