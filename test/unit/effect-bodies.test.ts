import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';

// THUI4: React treats whatever an effect returns as its cleanup and calls it on the next run or
// unmount. An expression-bodied effect (`useEffect(() => el.scrollIntoView(…))`,
// `useEffect(() => setDrafts(…))`) returns whatever that expression returns; once it is not a
// function, React throws "destroy is not a function" and the page goes blank (the captions page
// did). So every effect in the client has a block body, and a cleanup is returned explicitly.

const CLIENT_SRC = fileURLToPath(new URL('../../client/src/', import.meta.url));
/** An effect hook called with an arrow whose body does not start with `{`. */
const EXPRESSION_EFFECT = /\buse(?:Layout|Insertion)?Effect\(\s*(?:async\s*)?\([^)]*\)\s*=>\s*(?![\s{])/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

describe('client effects (THUI4)', () => {
  it('THUI4: every useEffect / useLayoutEffect arrow in client/src has a block body', () => {
    const offenders = sourceFiles(CLIENT_SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(EXPRESSION_EFFECT)].map((m) => `${file.slice(CLIENT_SRC.length)}:${lineOf(text, m.index)}`);
    });
    expect(offenders).toEqual([]);
  });

  it('THUI4: the scan recognises an expression-bodied effect', () => {
    const samples = [
      'useEffect(() => setDrafts(x), [x]);',
      'useLayoutEffect(() => ref.current?.scrollIntoView(), []);',
      'useEffect(\n  () => (token ? connect(token) : undefined),\n  [token],\n);',
    ];
    for (const sample of samples) expect(sample.match(EXPRESSION_EFFECT)).not.toBeNull();
    expect('useEffect(() => {\n  setDrafts(x);\n}, [x]);'.match(EXPRESSION_EFFECT)).toBeNull();
  });
});
