import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, parseColour } from '../../client/src/theme/contrast.js';

// A11Y50, A11Y60–A11Y67: the colour themes' values, checked pair by pair with WCAG's contrast
// ratio: text 4.5:1 (1.4.3), borders of controls and focus rings 3:1 (1.4.11).

const CLIENT = new URL('../../client/src/', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(CLIENT, path), 'utf8');

/** Each `palette: name` comment's custom properties, up to the next palette. */
function palettes(css: string): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  const parts = css.split(/\/\* palette: ([^*]+?) \*\//).slice(1);
  for (let i = 0; i < parts.length; i += 2) {
    const values: Record<string, string> = {};
    for (const [, name, value] of parts[i + 1]!.matchAll(/(--[\w-]+):\s*([^;]+);/g)) values[name!] = value!.trim();
    found.set(parts[i]!.trim(), values);
  }
  return found;
}

const app = palettes(read('theme/palettes.css'));
const projectorCss = read('views/projector/projector.css');
const projector = palettes(projectorCss);
/** The projector's light colours: the `.pj` block's own custom properties. */
const projectorLight = Object.fromEntries([.../^\.pj \{([^}]*)\}/m.exec(projectorCss)![1]!.matchAll(/(--pj-[\w-]+):\s*([^;]+);/g)].map(([, k, v]) => [k!, v!.trim()]));

const TEXT = 4.5;
const NON_TEXT = 3;

/** [foreground, background, minimum]: what is drawn on what, as the style sheets use them. */
const APP_PAIRS: [string, string, number][] = [
  ['--ink', '--paper', TEXT],
  ['--ink', '--wash', TEXT],
  ['--muted', '--paper', TEXT],
  ['--muted', '--wash', TEXT],
  ['--brand', '--paper', TEXT], // secondary buttons, "you" on a table tile
  ['--brand', '--wash', TEXT],
  ['--brand-ink', '--brand', TEXT], // buttons
  ['--danger', '--paper', TEXT],
  ['--on-danger', '--danger', TEXT],
  ['--link', '--paper', TEXT],
  ['--link', '--wash', TEXT],
  ['--link-visited', '--paper', TEXT],
  ['--link-visited', '--wash', TEXT],
  ['--ok', '--paper', TEXT],
  ['--ok-ink', '--ok-wash', TEXT],
  ['--pending', '--paper', TEXT],
  ['--warn-ink', '--warn-wash', TEXT],
  ['--accent', '--paper', TEXT],
  ['--header-ink', '--header', TEXT],
  ['--caption-ink', '--caption-bg', TEXT],
  ['--caption-older', '--caption-bg', TEXT],
  ['--ink', '--selection', TEXT],
  ['--field-line', '--paper', NON_TEXT], // the edge of a text field (1.4.11)
  ['--field-line', '--wash', NON_TEXT],
  ['--focus', '--paper', NON_TEXT], // A11Y50: the focus ring, drawn 2 px outside the element on the page
  ['--focus', '--wash', NON_TEXT],
  ['--header-focus', '--header', NON_TEXT], // … and on the header (issue 19: it was 2.08:1)
  ['--ok-line', '--paper', NON_TEXT],
  ['--pending-line', '--paper', NON_TEXT],
  ...[0, 1, 2, 3, 4].map((n): [string, string, number] => [`--group-${n}`, '--paper', NON_TEXT]),
];

const PROJECTOR_PAIRS: [string, string, number][] = [
  ['--pj-ink', '--pj-paper', TEXT],
  ['--pj-ink', '--pj-panel', TEXT],
  ['--pj-muted', '--pj-paper', TEXT],
  ['--pj-muted', '--pj-panel', TEXT],
  ['--pj-brand', '--pj-paper', TEXT],
  ['--pj-accent', '--pj-paper', TEXT],
  ['--pj-on-bar', '--pj-bar', TEXT],
  ['--pj-bar', '--pj-track', NON_TEXT], // a result bar on its track
  ['--pj-unthemed', '--pj-panel', NON_TEXT],
];

function failing(values: Record<string, string>, pairs: [string, string, number][]): string[] {
  return pairs.flatMap(([fg, bg, min]) => {
    const ratio = contrastRatio(values[fg]!, values[bg]!);
    return ratio >= min ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`];
  });
}

describe('contrast ratio', () => {
  it('A11Y50 computes WCAG’s ratio: black on white 21, a colour on itself 1, the old focus orange on the header’s blue 2.08', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1f4e79', '#1f4e79')).toBe(1);
    expect(contrastRatio('#d35400', '#1f4e79')).toBeCloseTo(2.08, 2);
    expect(contrastRatio('rgb(255, 255, 255)', '#767676')).toBeCloseTo(4.54, 2);
    expect(luminance('#fff')).toBe(1);
    expect(parseColour('rgba(31, 78, 121, 0.5)')).toEqual([31, 78, 121]);
    expect(() => parseColour('red')).toThrow();
  });
});

describe('the colour themes', () => {
  it('A11Y60 four palettes for the app, and the media-query copies are the same as the switch’s', () => {
    expect([...app.keys()]).toEqual(['light', 'dark', 'dark (device)', 'contrast', 'contrast (device)', 'dark contrast (device)']);
    expect(app.get('dark (device)')).toEqual(app.get('dark'));
    expect(app.get('contrast (device)')).toEqual(app.get('contrast'));
    expect(projector.get('projector dark (device)')).toEqual(projector.get('projector dark'));
    const names = Object.keys(app.get('light')!).sort();
    for (const [name, values] of app) expect(Object.keys(values).sort(), name).toEqual(names);
  });

  it.each(['light', 'dark', 'contrast', 'dark contrast (device)'])('A11Y50, A11Y63 %s: every pair of colours drawn on each other is readable', (name) => {
    expect(failing(app.get(name)!, APP_PAIRS)).toEqual([]);
  });

  it('A11Y66 the projector, light and dark for a dim room', () => {
    expect(failing(projectorLight, PROJECTOR_PAIRS)).toEqual([]);
    expect(failing({ ...projectorLight, ...projector.get('projector dark') }, PROJECTOR_PAIRS)).toEqual([]);
  });

  it('A11Y64 no colour is written into a view’s style sheet: only custom properties hold colours', () => {
    const files = (readdirSync(CLIENT, { recursive: true }) as string[]).filter((f) => f.endsWith('.css') && !f.endsWith('palettes.css'));
    expect(files.length).toBeGreaterThan(10);
    const stray = files.flatMap((file) =>
      read(file)
        .split('\n')
        .map((line, i) => ({ line: line.replace(/\/\*.*?\*\//g, ''), at: `${file}:${i + 1}` }))
        // A custom property may hold a colour; the QR code's white quiet zone stays white in every theme.
        .filter(({ line }) => /#[0-9a-f]{3,8}\b|rgba?\(/i.test(line) && !/^\s*--[\w-]+:/.test(line) && !/\.qr\b.*#fff|solid #fff/.test(line))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
    expect(stray).toEqual([]);
  });
});
