/**
 * Okabe–Ito: eight colours that stay distinct for the common forms of colour blindness and read on
 * both light and dark backgrounds (black is swapped for grey so it shows in the dark theme).
 */
export const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999',
] as const;

export function seriesColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length] ?? '#999999';
}
