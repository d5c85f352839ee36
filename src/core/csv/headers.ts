export interface HeaderNotice {
  readonly index: number;
  readonly original: string;
  readonly renamed: string;
  readonly reason: 'empty' | 'duplicate';
}

/** Makes header names unique and non-empty: duplicates get `_2`, `_3`…; empty ones `column_<n>`. */
export function normaliseHeaders(raw: readonly string[]): { names: string[]; notices: HeaderNotice[] } {
  const trimmed = raw.map((h) => h.trim());
  const taken = new Set(trimmed.filter((h) => h !== ''));
  const seen = new Set<string>();
  const notices: HeaderNotice[] = [];
  const names = trimmed.map((name, index) => {
    if (name === '') {
      let candidate = `column_${index + 1}`;
      for (let k = 2; taken.has(candidate) || seen.has(candidate); k++)
        candidate = `column_${index + 1}_${k}`;
      seen.add(candidate);
      notices.push({ index, original: raw[index] ?? '', renamed: candidate, reason: 'empty' });
      return candidate;
    }
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let k = 2;
    while (taken.has(`${name}_${k}`) || seen.has(`${name}_${k}`)) k++;
    const renamed = `${name}_${k}`;
    seen.add(renamed);
    notices.push({ index, original: raw[index] ?? '', renamed, reason: 'duplicate' });
    return renamed;
  });
  return { names, notices };
}
