// Prints what a participant's browser downloads before the participant view can show:
// the entry chunk, everything it imports statically, and one language catalog (gzipped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

const dist = join(import.meta.dirname, '../../client/dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const [entryKey, entry] = Object.entries(manifest).find(([, c]) => c.isEntry)!;
const initial = new Set<string>();
const visit = (key: string) => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const dep of manifest[key]?.imports ?? []) visit(dep);
};
visit(entryKey);

let total = 0;
console.log('participant view, initial JavaScript (gzipped):');
for (const key of initial) {
  const size = gz(manifest[key]!.file);
  total += size;
  console.log(`  ${manifest[key]!.file.padEnd(48)} ${kb(size)}`);
}
const catalog = Object.values(manifest).find((c) => c.src?.endsWith('i18n/en.json'));
if (catalog) {
  const size = gz(catalog.file);
  total += size;
  console.log(`  ${`${catalog.file} (one language)`.padEnd(48)} ${kb(size)}`);
}
console.log(`total: ${kb(total)} (budget about 150 KB)`);
console.log('\nlazy chunks (loaded only where needed):');
for (const key of entry.dynamicImports ?? []) {
  const chunk = manifest[key];
  if (chunk && !initial.has(key)) console.log(`  ${chunk.file.padEnd(48)} ${kb(gz(chunk.file))}`);
}
