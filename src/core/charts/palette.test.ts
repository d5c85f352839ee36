import { describe, expect, it } from 'vitest';
import type { ChartTheme } from './palette';
import { CHART_BACKGROUNDS, colourRepeat, contrastRatio, SERIES_PALETTES, seriesColour } from './palette';

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

const linear = (hex: string): Rgb => {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 255) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(16), channel(8), channel(0)];
};

/** Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB. */
const VISION: Readonly<Record<string, Matrix>> = {
  typical: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const seen = (rgb: Rgb, m: Matrix): Rgb =>
  [0, 1, 2].map((row) => clamp(m[row]![0] * rgb[0] + m[row]![1] * rgb[1] + m[row]![2] * rgb[2])) as never;

/** OKLab (Ottosson), where Euclidean distance tracks how different two colours look. */
function oklab([r, g, b]: Rgb): Rgb {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

const difference = (a: string, b: string, m: Matrix) => {
  const [x, y] = [oklab(seen(linear(a), m)), oklab(seen(linear(b), m))];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
};

const THEMES: ChartTheme[] = ['light', 'dark'];

describe('chart palettes', () => {
  it('measures contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The original Okabe–Ito yellow on white, which this palette replaces.
    expect(contrastRatio('#F0E442', '#ffffff')).toBeLessThan(1.4);
  });

  it.each(THEMES)('gives every series colour at least 3:1 against the %s background', (theme) => {
    const background = CHART_BACKGROUNDS[theme];
    for (const colour of SERIES_PALETTES[theme])
      expect(contrastRatio(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(3);
  });

  it.each(THEMES)('keeps every pair of %s colours apart for typical and colour-blind vision', (theme) => {
    const palette = SERIES_PALETTES[theme];
    for (const [vision, matrix] of Object.entries(VISION))
      for (let i = 0; i < palette.length; i++)
        for (let j = i + 1; j < palette.length; j++)
          expect(
            difference(palette[i]!, palette[j]!, matrix),
            `${palette[i]} and ${palette[j]} with ${vision}`,
          ).toBeGreaterThan(0.09);
  });

  it('has one colour per series in both themes, and counts when they wrap round', () => {
    expect(SERIES_PALETTES.light).toHaveLength(SERIES_PALETTES.dark.length);
    const palette = SERIES_PALETTES.light;
    expect(seriesColour(palette, palette.length)).toBe(seriesColour(palette, 0));
    expect(colourRepeat(palette, palette.length - 1)).toBe(0);
    expect(colourRepeat(palette, palette.length)).toBe(1);
    expect(colourRepeat(palette, 2 * palette.length + 1)).toBe(2);
  });
});
