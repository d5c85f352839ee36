import { Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';

/** A chart exactly as delivered: the PNG from the package, not re-rendered from data. */
export function ChartImage({ png, caption }: { png: Uint8Array | null; caption: string }) {
  const url = useMemo(
    () => (png ? URL.createObjectURL(new Blob([png.slice()], { type: 'image/png' })) : undefined),
    [png],
  );
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return (
    <figure style={{ margin: 0 }}>
      {url ? (
        <img src={url} alt={caption} style={{ maxWidth: '100%' }} />
      ) : (
        <Text c="dimmed">No image was delivered for this chart.</Text>
      )}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
