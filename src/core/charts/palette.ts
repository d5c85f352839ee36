/**
 * Series colours, one palette per background. Okabe–Ito's hues (orange, sky blue, bluish green, blue,
 * vermillion, reddish purple, and a neutral), with each shade chosen so that it reaches 3:1 against
 * the background it is drawn on (WCAG 1.4.11, non-text contrast) and every pair stays apart for
 * protan, deutan and tritan readers (palette.test.ts simulates them). The original Okabe–Ito yellow
 * (1.3:1) and sky blue (2.3:1) cannot reach 3:1 on white, and its grey matches its purple for deutan
 * readers, so the shades differ per theme; series i keeps the same hue in both.
 */

export type ChartTheme = 'light' | 'dark';

/** What charts are drawn on: the page (Mantine's body colour) on screen, white in PNGs and reports. */
export const CHART_BACKGROUNDS: Readonly<Record<ChartTheme, string>> = {
  light: '#ffffff',
  dark: '#242424',
};

export const SERIES_PALETTES: Readonly<Record<ChartTheme, readonly string[]>> = {
  light: ['#D1790D', '#2397DD', '#017857', '#184981', '#BD3716', '#A56496', '#443B3D'],
  dark: ['#FBCC4F', '#52B5FD', '#9BFADE', '#1675ED', '#DA4911', '#9C5B93', '#9F9E9A'],
};

/** Index of the blue, for single-series charts (histograms) that need no legend. */
export const SINGLE_SERIES_INDEX = 3;

export function seriesColour(palette: readonly string[], index: number): string {
  return palette[index % palette.length] ?? '#000000';
}

/**
 * How many times the palette has wrapped round by series `index` (0 for the first palette's worth):
 * charts draw repeats with another dash pattern or point shape so two series never look the same.
 */
export function colourRepeat(palette: readonly string[], index: number): number {
  return Math.floor(index / palette.length);
}

function relativeLuminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 255) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
