import { Loader, type LoaderProps } from '@mantine/core';

/**
 * A spinner that says what is being waited for. Mantine's Loader is a plain span, on which an
 * aria-label is prohibited (screen readers ignore it); as an indeterminate progress bar the label
 * is announced.
 */
export function BusyIndicator({ label, size }: { label: string; size?: LoaderProps['size'] }) {
  return <Loader size={size} role="progressbar" aria-label={label} />;
}
