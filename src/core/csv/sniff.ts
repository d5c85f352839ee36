/** Detecting the line break and delimiter from the first block of decoded text. */
import Papa from 'papaparse';

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
export type CsvNewline = '\n' | '\r\n' | '\r';

export function detectNewline(sample: string): CsvNewline {
  const lf = sample.indexOf('\n');
  const cr = sample.indexOf('\r');
  if (cr === -1) return '\n';
  if (lf === -1) return '\r';
  return cr < lf ? (cr + 1 === lf ? '\r\n' : '\r') : '\n';
}

interface PapaRawResult {
  data: string[][];
  errors: { type: string; code: string; row: number; index: number }[];
  meta: { cursor: number };
}

export function papaParse(
  input: string,
  delimiter: string,
  newline: CsvNewline,
  ignoreLastRow: boolean,
  preview = 0,
): PapaRawResult {
  // The raw Parser (what Papa's own streamers use) gives us the cursor of the last complete
  // record, so we can feed it text incrementally without Papa holding the whole file.
  const parser = new Papa.Parser({ delimiter, newline, preview, fastMode: preview > 0 ? false : undefined });
  return parser.parse(input, 0, ignoreLastRow) as PapaRawResult;
}

/**
 * Picks the delimiter that splits the sample's records into the most consistent field counts
 * (quotes respected, since Papa parses each candidate). Ties go to more fields, then to list order.
 */
export function detectDelimiter(sample: string, newline: CsvNewline, isWholeFile: boolean): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CSV_DELIMITERS) {
    const { data } = papaParse(sample, delimiter, newline, !isWholeFile, 200);
    const rows = data.filter((r) => !(r.length === 1 && r[0] === ''));
    if (rows.length === 0) continue;
    const first = rows[0]?.length ?? 0;
    if (first < 2) continue;
    const consistent = rows.filter((r) => r.length === first).length / rows.length;
    const score = consistent * 1000 + Math.min(first, 999);
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}
