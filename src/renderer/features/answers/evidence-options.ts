import type { EvidenceRef } from '../../db';

export interface EvidenceGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** MultiSelect values are `kind:id`, the same text the audit log records. */
export const evidenceValue = (e: EvidenceRef): string => `${e.kind}:${e.id}`;

export function parseEvidenceValue(value: string): EvidenceRef | undefined {
  const at = value.indexOf(':');
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  if (at < 0 || id === '') return undefined;
  return kind === 'chart' || kind === 'view' || kind === 'finding' || kind === 'source'
    ? { kind, id }
    : undefined;
}
