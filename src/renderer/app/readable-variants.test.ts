import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '@core/charts';
import { AA_TEXT_CONTRAST, readableTextShade, readableVariants } from './readable-variants';

describe('readable light and outline variants', () => {
  const colours = Object.entries(DEFAULT_THEME.colors);

  it('gives every theme colour text that reads at AA on white and on its light background', () => {
    for (const [name, tuple] of colours) {
      const text = readableTextShade(tuple);
      for (const background of ['#ffffff', tuple[1], tuple[2]]) {
        expect(contrastRatio(text, background), `${name} on ${background}`).toBeGreaterThanOrEqual(
          AA_TEXT_CONTRAST,
        );
      }
    }
  });

  it('keeps shade 9 where it already reads, so colours stay recognisable', () => {
    expect(readableTextShade(DEFAULT_THEME.colors.pink)).toBe(DEFAULT_THEME.colors.pink[9]);
    // Mantine's orange 9 on orange 1 is 3.6:1, below AA; darkened, it stays an orange.
    expect(contrastRatio(DEFAULT_THEME.colors.orange[9], DEFAULT_THEME.colors.orange[1])).toBeLessThan(
      AA_TEXT_CONTRAST,
    );
    expect(readableTextShade(DEFAULT_THEME.colors.orange)).toBe('#ae3a0c');
  });

  it('overrides only the light scheme, for light-variant text and outlines', () => {
    const resolved = readableVariants(DEFAULT_THEME);
    expect(resolved.dark).toEqual({});
    expect(resolved.light['--mantine-color-orange-light-color']).toBe(
      readableTextShade(DEFAULT_THEME.colors.orange),
    );
    expect(resolved.light['--mantine-color-orange-outline']).toBe(
      resolved.light['--mantine-color-orange-light-color'],
    );
    expect(Object.keys(resolved.light)).toHaveLength(colours.length * 2);
  });
});
