import { useComputedColorScheme } from '@mantine/core';

/**
 * A Mantine colour for plain text that stays AA-readable in the current theme: shades 6-7 are too
 * pale on white, and dark shades vanish on the dark theme. Light and outline variants need no help
 * (the theme's readableVariants takes care of them) and must be given the bare colour: with a shade
 * ("orange.9") Mantine 9 paints a light variant's background in that shade, hiding its text.
 */
export function useReadableTextColor(): (color: string) => string {
  const scheme = useComputedColorScheme('light');
  return (color) => (scheme === 'light' ? `${color}.9` : `${color}.3`);
}
