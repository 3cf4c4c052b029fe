// Compiles the server once for `npm start`: server/src and shared/src (TypeScript) in one ES
// module, server/dist/main.js, run by plain node. npm packages stay outside the bundle and
// load from node_modules, except the pure-JavaScript ones listed in BUNDLED: Kysely ships as
// ~280 small ES modules, and resolving them one by one was a third of the server's start-up,
// which every client waits for after a restart.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const BUNDLED = new Set(['kysely']);
const manifest = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const dependencies = [manifest('./package.json'), manifest('../shared/package.json')].flatMap((m) => Object.keys(m.dependencies ?? {}));
const external = dependencies.filter((name) => !BUNDLED.has(name)).flatMap((name) => [name, `${name}/*`]);

const outfile = process.argv[2] ?? new URL('./dist/main.js', import.meta.url).pathname;
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  // shared/ is consumed as TypeScript source through its package exports; compile it in.
  // The consultation's subpaths point into src/domain (shared/package.json's exports), not src/consultation.
  alias: {
    '@open-talks/shared/consultation': new URL('../shared/src/domain/consultation', import.meta.url).pathname,
    '@open-talks/shared/series': new URL('../shared/src/domain/series', import.meta.url).pathname,
    '@open-talks/shared': new URL('../shared/src', import.meta.url).pathname,
  },
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [new URL('./src/main.ts', import.meta.url).pathname], outfile });
// The opinion groups' worker thread (CONS36) loads its own file, next to main.js.
await build({ ...common, entryPoints: [new URL('./src/consultation/opinion/worker.ts', import.meta.url).pathname], outfile: join(dirname(outfile), 'opinion-worker.js') });
