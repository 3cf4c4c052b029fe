// Prints what a participant's browser downloads before the join page can show: the scripts the
// built page loads up front (its script tags and modulepreloads) and one language catalog, then
// the chunks loaded later. Sizes are those of the brotli and gzip copies the build writes and the
// server sends (WEB2). Run: npm run bench:bundle
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Chunk {
  file: string;
  dynamicImports?: string[];
  src?: string;
}

const dist = join(import.meta.dirname, '../../client/dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const html = readFileSync(join(dist, 'index.html'), 'utf8');

/** Bytes on the wire with this encoding: the precompressed copy, or the file when there is none. */
const sent = (file: string, suffix: '.br' | '.gz') => {
  const copy = join(dist, file + suffix);
  return readFileSync(existsSync(copy) ? copy : join(dist, file)).length;
};
const sizes = (file: string) => ({ br: sent(file, '.br'), gz: sent(file, '.gz'), raw: readFileSync(join(dist, file)).length });
type Sizes = ReturnType<typeof sizes>;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (label: string, size: Sizes) => `  ${label.padEnd(48)} ${kb(size.br).padStart(9)} ${kb(size.gz).padStart(9)} ${kb(size.raw).padStart(9)}`;

// The page's own list (WEB1), not the manifest's idea of an entry: it is what the browser fetches.
const upFront = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1]!);
const catalog = Object.values(manifest).find((c) => c.src?.endsWith('i18n/en.json'));

const total: Sizes = { br: 0, gz: 0, raw: 0 };
console.log(`  ${'join page, JavaScript up front'.padEnd(48)} ${'brotli'.padStart(9)} ${'gzip'.padStart(9)} ${'plain'.padStart(9)}`);
for (const [file, label] of [...upFront.map((f) => [f, f]), ...(catalog ? [[catalog.file, `${catalog.file} (one language)`]] : [])] as [string, string][]) {
  const size = sizes(file);
  total.br += size.br;
  total.gz += size.gz;
  total.raw += size.raw;
  console.log(row(label, size));
}
console.log(row('total (budget 150 KB sent)', total));

console.log('\nloaded later (each view when its route opens), brotli:');
const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
const lazy = new Set(upFront.flatMap((file) => byFile.get(file)?.dynamicImports ?? []));
for (const key of lazy) {
  const chunk = manifest[key];
  if (chunk && !chunk.src?.includes('/i18n/')) console.log(`  ${chunk.file.padEnd(48)} ${kb(sent(chunk.file, '.br')).padStart(9)}`);
}
