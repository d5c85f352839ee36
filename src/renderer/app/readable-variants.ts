import type { CSSVariablesResolver, MantineColorsTuple } from '@mantine/core';
import { contrastRatio } from '@core/charts';

/** WCAG 2 AA for normal-size text. */
export const AA_TEXT_CONTRAST = 4.5;

function darker(hex: string, factor: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 255) * factor);
  return `#${((channel(16) << 16) | (channel(8) << 8) | channel(0)).toString(16).padStart(6, '0')}`;
}

/**
 * Shade 9 of a colour, darkened just enough to read as text (AA) on white and on the pale shade 2
 * that light variants hover on. Mantine's own choice (shade 9 text on light variants, shade 7 on
 * outlines) falls short for orange, green, yellow and others: a "Not ready to submit" alert title
 * measured 3.6:1.
 */
export function readableTextShade(tuple: MantineColorsTuple): string {
  for (let step = 0; step < 20; step += 1) {
    const candidate = darker(tuple[9], 1 - step * 0.05);
    const reads = (background: string) => contrastRatio(candidate, background) >= AA_TEXT_CONTRAST;
    if (reads('#ffffff') && reads(tuple[2])) return candidate;
  }
  return '#000000';
}

/** Light-theme text of light and outline variants (alerts, badges, outline buttons) made AA for every colour. */
export const readableVariants: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: Object.fromEntries(
    Object.entries(theme.colors).flatMap(([name, tuple]) => {
      const text = readableTextShade(tuple);
      return [
        [`--mantine-color-${name}-light-color`, text],
        [`--mantine-color-${name}-outline`, text],
      ];
    }),
  ),
  dark: {},
});
