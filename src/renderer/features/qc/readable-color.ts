import { useComputedColorScheme } from '@mantine/core';

/**
 * A Mantine colour that keeps text AA-readable in the current theme. In light mode the default
 * shade (6) is too light on white, so 9 is used. In dark mode Mantine's own light and outline
 * variants already read well, but plain coloured text needs a light shade.
 */
export function useReadableColor(): (color: string, use?: 'variant' | 'text') => string {
  const scheme = useComputedColorScheme('light');
  return (color, use = 'variant') => {
    if (scheme === 'light') return `${color}.9`;
    return use === 'text' ? `${color}.3` : color;
  };
}
