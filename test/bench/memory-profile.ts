// Reads a sampling heap profile (node --heap-prof) and prints where the live memory was
// allocated: the top functions by their own allocations, and the app's functions by everything
// allocated under them. Used by memory.ts --heap-prof; also runs alone:
//   node --import tsx test/bench/memory-profile.ts file.heapprofile [per-N]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}

const where = (node: Node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/(server|shared)\/src\//, '$1/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
};
const isApp = (node: Node) => /\/(server|shared)\/src\//.test(node.callFrame.url);

export function summariseHeapProfile(path: string, perCount: number, top = 12): string[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { head: Node };
  const self = new Map<string, number>();
  const under = new Map<string, number>();
  let total = 0;
  // Returns the bytes allocated under this node; an app frame counts once even when recursive.
  const walk = (node: Node, open: Set<string>): number => {
    const key = where(node);
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
    const mine = isApp(node) && !open.has(key);
    if (mine) open.add(key);
    let size = node.selfSize;
    for (const child of node.children) size += walk(child, open);
    if (mine) {
      open.delete(key);
      under.set(key, (under.get(key) ?? 0) + size);
    }
    return size;
  };
  walk(profile.head, new Set());
  const kb = (bytes: number) => `${(bytes / 1024 / perCount).toFixed(2).padStart(7)} KB`;
  const lines = [`heap profile ${path}: ${(total / 2 ** 20).toFixed(1)} MB live when sampled; per participant (÷ ${perCount}):`, ' by own allocations:'];
  for (const [key, size] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${kb(size)}  ${key}`);
  lines.push(' app functions, by everything allocated under them:');
  for (const [key, size] of [...under].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${kb(size)}  ${key}`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [path, per] = process.argv.slice(2);
  if (!path) throw new Error('usage: memory-profile.ts file.heapprofile [per-N]');
  console.log(summariseHeapProfile(path, Number(per ?? 1)).join('\n'));
}
