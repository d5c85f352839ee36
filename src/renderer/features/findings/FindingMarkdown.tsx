import { findingReferences, parseKpoUrl } from '@core/findings';
import { Anchor, Box, List, Text, Title, Typography } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import Markdown from 'react-markdown';
import type { Components } from 'react-markdown';
import { platform } from '../../platform';
import { MARKDOWN_SAFETY } from './markdown-safety';
import { ChartFigure } from '../charts/ChartFigure';
import { errorMessage } from '../common/error-message';
import { useReferenceLookup } from './reference-context';
import { MissingReference, ViewTablePreview } from './ViewTablePreview';

function openExternal(url: string): void {
  platform.openExternal(url).catch((caught: unknown) => {
    notifications.show({ color: 'red', message: `Could not open ${url}: ${errorMessage(caught)}` });
  });
}

/** A kpo: reference drawn in place: the chart, the view's table, or a numbered citation. */
function Reference({ href, children }: { href: string; children: ReactNode }) {
  const lookup = useReferenceLookup();
  const ref = parseKpoUrl(href);
  if (!ref) return <MissingReference kind="unknown" />;
  if (ref.kind === 'chart') {
    const chart = lookup.charts.get(ref.id);
    return chart ? (
      <Box my="sm">
        <ChartFigure chart={chart} height={260} />
      </Box>
    ) : (
      <MissingReference kind="chart" />
    );
  }
  if (ref.kind === 'view') {
    const name = lookup.viewNames.get(ref.id);
    return name ? <ViewTablePreview viewId={ref.id} label={name} /> : <MissingReference kind="view" />;
  }
  const source = lookup.sources.get(ref.id);
  const number = lookup.citationNumbers.get(ref.id);
  if (!source || number === undefined) return <MissingReference kind="source" />;
  return (
    <Text span title={source.title} data-testid="citation">
      {children}{' '}
      <Text span fw={600}>
        [{number}]
      </Text>
    </Text>
  );
}

const components: Components = {
  // Charts and tables are blocks; inside a <p> they would be invalid HTML, so paragraphs are divs.
  p: ({ children }) => (
    <Box component="div" mb="sm">
      {children}
    </Box>
  ),
  a: ({ href, children }) => {
    if (!href) return <Text span>{children}</Text>;
    if (href.startsWith('kpo:')) return <Reference href={href}>{children}</Reference>;
    return (
      <Anchor
        href={href}
        onClick={(event) => {
          if (/^https?:/i.test(href)) {
            event.preventDefault();
            openExternal(href);
          }
        }}
      >
        {children}
      </Anchor>
    );
  },
  // Images would load from anywhere; findings show charts by reference instead.
  img: ({ alt }) => (
    <Text span c="dimmed">
      [image: {alt ?? ''}]
    </Text>
  ),
};

/** The numbered list of sources a finding cites, under it. */
function ReferenceList({ markdown }: { markdown: string }) {
  const lookup = useReferenceLookup();
  const cited = [
    ...new Set(
      findingReferences(markdown)
        .filter((r) => r.kind === 'source')
        .map((r) => r.id),
    ),
  ]
    .map((id) => ({ id, number: lookup.citationNumbers.get(id), source: lookup.sources.get(id) }))
    .sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity));
  if (cited.length === 0) return null;
  return (
    <Box mt="sm" data-testid="reference-list">
      <Title order={4} size="h6">
        References
      </Title>
      <List size="sm" listStyleType="none" spacing={2}>
        {cited.map(({ id, number, source }) => (
          <List.Item key={id}>
            {source && number !== undefined ? (
              <>
                [{number}] {source.title}
                {source.author && `, ${source.author}`}
                {source.accessed && ` (accessed ${source.accessed})`}
                {source.url && (
                  <>
                    {'. '}
                    <Anchor
                      href={source.url}
                      onClick={(event) => {
                        event.preventDefault();
                        openExternal(source.url);
                      }}
                    >
                      {source.url}
                    </Anchor>
                  </>
                )}
              </>
            ) : (
              <MissingReference kind="source" />
            )}
          </List.Item>
        ))}
      </List>
    </Box>
  );
}

/** A finding's Markdown as the reader sees it: no raw HTML, unsafe links dropped, references live. */
export function FindingMarkdown({ markdown }: { markdown: string }) {
  return (
    <Typography>
      <Markdown {...MARKDOWN_SAFETY} components={components}>
        {markdown}
      </Markdown>
      <ReferenceList markdown={markdown} />
    </Typography>
  );
}
