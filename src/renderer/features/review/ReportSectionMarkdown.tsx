import { Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import ReactMarkdown from 'react-markdown';
import type { DeliverableView } from '../deliveries/client/deliverable-view';

function PngImage({ png, alt }: { png: Uint8Array; alt: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([png.slice()], { type: 'image/png' })), [png]);
  useEffect(
    () => () => {
      URL.revokeObjectURL(url);
    },
    [url],
  );
  return <img src={url} alt={alt} style={{ maxWidth: '100%' }} />;
}

/**
 * One section of report.md. Its images point into the package (`charts/<id>.png`), so they are shown
 * from the delivered bytes; nothing is fetched, which an offline app could not do anyway.
 */
export function ReportSectionMarkdown(props: { markdown: string; charts: DeliverableView['charts'] }) {
  return (
    <ReactMarkdown
      components={{
        img: ({ src, alt }) => {
          const id = typeof src === 'string' ? /^charts\/([^/]+)\.png$/.exec(src)?.[1] : undefined;
          const chart = props.charts.find((c) => c.id === id);
          const label = alt ?? chart?.caption ?? '';
          if (chart) return <PngImage png={chart.png} alt={label} />;
          return (
            <Text span c="dimmed">
              [image not in the package: {label || String(src)}]
            </Text>
          );
        },
      }}
    >
      {props.markdown}
    </ReactMarkdown>
  );
}
