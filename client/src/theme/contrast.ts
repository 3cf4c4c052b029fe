// WCAG 2.2 contrast ratio (relative luminance, 1.4.3 and 1.4.11): pure, for the palette tests
// and the browser test of the focus ring. Colours as #rgb, #rrggbb or rgb()/rgba() as the
// browser's getComputedStyle gives them (alpha ignored: only opaque colours are compared).

/** [r, g, b] in 0–255 from `#rgb`, `#rrggbb`, `rgb(r, g, b)`, `rgba(r, g, b, a)` or `rgb(r g b / a)`. */
export function parseColour(colour: string): [number, number, number] {
  const text = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d) : hex[1]!.match(/../g)!;
    return digits.map((d) => parseInt(d, 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(text);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Not a colour this function reads: ${colour}`);
}

/** Relative luminance (WCAG 2.2, "relative luminance"). */
export function luminance(colour: string): number {
  const [r, g, b] = parseColour(colour).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21, either order. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
