import { parseKpoUrl } from '@core/findings';
import { useContext } from 'react';
import type { ReactNode } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import Markdown, { defaultUrlTransform } from 'react-markdown';
import { anchor, ChartFigure, CsvTable } from './ReportBlocks';
import { ReportReferencesContext } from './report-context';

/** kpo: references survive to our components; every other URL gets react-markdown's sanitising. */
export function reportUrlTransform(url: string): string {
  return parseKpoUrl(url) ? url : defaultUrlTransform(url);
}

/** The href of a paragraph that is nothing but one link, e.g. `[Growth](kpo:chart/c1)`. */
function soleLinkHref(node: ExtraProps['node']): string | undefined {
  const children = (node?.children ?? []).filter(
    (child) => !(child.type === 'text' && child.value.trim() === ''),
  );
  const [only] = children;
  if (children.length !== 1 || only?.type !== 'element' || only.tagName !== 'a') return undefined;
  const href = only.properties.href;
  return typeof href === 'string' ? href : undefined;
}

function Paragraph({ node, children }: { children?: ReactNode } & ExtraProps) {
  const references = useContext(ReportReferencesContext);
  const link = parseKpoUrl(soleLinkHref(node) ?? '');
  if (link?.kind === 'chart') {
    const found = references.charts.get(link.id);
    if (found) return <ChartFigure chart={found.chart} number={found.number} />;
  }
  if (link?.kind === 'view') {
    const found = references.tables.get(link.id);
    if (found) return <CsvTable table={found.table} number={found.number} />;
  }
  return <p>{children}</p>;
}

function Link({ href, children }: { href?: string; children?: ReactNode } & ExtraProps) {
  const references = useContext(ReportReferencesContext);
  const link = parseKpoUrl(href ?? '');
  if (!link) {
    if (!href) return <span>{children}</span>;
    return (
      <a href={href} rel="noreferrer noopener">
        {children}
      </a>
    );
  }
  if (link.kind === 'source') {
    const found = references.sources.get(link.id);
    if (!found) return <span className="missing-ref">{children} [source not in this deliverable]</span>;
    return (
      <>
        {children}{' '}
        <a className="citation" href={`#${anchor('source', link.id)}`}>
          [{found.number}]
        </a>
      </>
    );
  }
  const found = link.kind === 'chart' ? references.charts.get(link.id) : references.tables.get(link.id);
  if (!found)
    return (
      <span className="missing-ref">
        {children} [{link.kind} not in this deliverable]
      </span>
    );
  const label = link.kind === 'chart' ? `Figure ${found.number}` : `Table ${found.number}`;
  return (
    <a href={`#${anchor(link.kind === 'chart' ? 'chart' : 'table', link.id)}`}>
      {children} ({label})
    </a>
  );
}

/** Images would be fetched from the network; the report works offline, so only charts render. */
function Image({ src, alt }: { src?: string | Blob; alt?: string } & ExtraProps) {
  const references = useContext(ReportReferencesContext);
  const link = typeof src === 'string' ? parseKpoUrl(src) : undefined;
  const found = link?.kind === 'chart' ? references.charts.get(link.id) : undefined;
  if (found) return <ChartFigure chart={found.chart} number={found.number} />;
  return <span className="missing-ref">[image not included: {alt ?? 'no description'}]</span>;
}

const components: Components = { p: Paragraph, a: Link, img: Image };

/** Markdown as the report shows it: no raw HTML, sanitised URLs, kpo: references resolved. */
export function ReportMarkdown({ markdown }: { markdown: string }) {
  return (
    <Markdown components={components} urlTransform={reportUrlTransform} skipHtml>
      {markdown}
    </Markdown>
  );
}
