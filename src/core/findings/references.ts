/**
 * Findings refer to the task's evidence with ordinary Markdown links to `kpo:` addresses, e.g.
 * `[Sales by region](kpo:chart/<id>)`, so the text stays plain Markdown while the app renders the
 * chart, table or citation in place and checks can see what each finding cites.
 */
export const REFERENCE_KINDS = ['chart', 'view', 'source'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface FindingReference {
  readonly kind: ReferenceKind;
  readonly id: string;
  readonly label: string;
}

const KPO_URL = /^kpo:(chart|view|source)\/([A-Za-z0-9_-]+)$/;

/** The reference a `kpo:` address names, or undefined for anything else. */
export function parseKpoUrl(url: string): { kind: ReferenceKind; id: string } | undefined {
  const match = KPO_URL.exec(url.trim());
  if (!match) return undefined;
  return { kind: match[1] as ReferenceKind, id: match[2] ?? '' };
}

export function kpoUrl(kind: ReferenceKind, id: string): string {
  return `kpo:${kind}/${id}`;
}

/** A Markdown link to a reference; brackets in the label are escaped so the link stays one link. */
export function referenceLink(kind: ReferenceKind, id: string, label: string): string {
  const safe = label
    .replace(/[\\[\]]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
    .trim();
  return `[${safe || kind}](${kpoUrl(kind, id)})`;
}

/** Code is quoted text, not a reference: fenced blocks and inline code are blanked before scanning. */
function withoutCode(markdown: string): string {
  return markdown
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[^\n]*|$)/gm, '')
    .replace(/(`+)[^`\n]*?\1/g, '');
}

const LINK = /\[((?:\\.|[^\\\]])*)\]\(\s*<?(kpo:[^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * Every `kpo:` reference in a finding's Markdown, in order of appearance, duplicates included (a
 * caller counting citations wants them; one checking "cites evidence" only needs the length).
 */
export function findingReferences(markdown: string): FindingReference[] {
  const found: FindingReference[] = [];
  for (const match of withoutCode(markdown).matchAll(LINK)) {
    const parsed = parseKpoUrl(match[2] ?? '');
    if (parsed) found.push({ ...parsed, label: (match[1] ?? '').replace(/\\(.)/g, '$1') });
  }
  return found;
}

/** Citation numbers: each cited source numbered by its first appearance across the given texts. */
export function citationNumbers(markdowns: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const markdown of markdowns)
    for (const ref of findingReferences(markdown))
      if (ref.kind === 'source' && !numbers.has(ref.id)) numbers.set(ref.id, numbers.size + 1);
  return numbers;
}
