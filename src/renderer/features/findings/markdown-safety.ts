import { safeFindingUrl } from '@core/findings';
import type { Options } from 'react-markdown';

/** How every finding is rendered: raw HTML is dropped and only safe link targets survive. */
export const MARKDOWN_SAFETY = {
  skipHtml: true,
  urlTransform: safeFindingUrl,
} as const satisfies Options;
