/**
 * What the deliverable's table grid shows of a result table: its first rows, parsed with PapaParse,
 * never the whole file. A delivered CSV can be hundreds of megabytes; parsing, sorting and keeping
 * all of it on the main thread would freeze the window, and the download gives the whole file anyway.
 */
import Papa from 'papaparse';

export interface CsvPreview {
  header: string[];
  /** At most the `maxRows` first data rows, in file order. */
  rows: string[][];
  /** Data rows in the whole file (the header not counted). */
  totalRows: number;
  /** Whether `rows` holds every data row of the file. */
  complete: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The records of a CSV file, counted without parsing its fields: line breaks outside quoted
 * sections, lines with nothing on them not counted (as PapaParse's `skipEmptyLines` skips them).
 * Uses the native `indexOf` over the bytes, so counting a large file costs little and holds no copy.
 */
export function countCsvRecords(bytes: Uint8Array): number {
  const n = bytes.length;
  // A file with no LF at all breaks lines with CR (classic Mac); otherwise LF (and CRLF).
  const newline = bytes.includes(LF) ? LF : CR;
  const empty = (start: number, end: number): boolean =>
    end === start || (end === start + 1 && bytes[start] === CR);
  let count = 0;
  let lineStart = 0;
  let i = 0;
  let nextQuote = bytes.indexOf(QUOTE);
  let nextBreak = bytes.indexOf(newline);
  while (i < n) {
    if (nextQuote !== -1 && nextQuote < i) nextQuote = bytes.indexOf(QUOTE, i);
    if (nextBreak !== -1 && nextBreak < i) nextBreak = bytes.indexOf(newline, i);
    if (nextQuote !== -1 && (nextBreak === -1 || nextQuote < nextBreak)) {
      // A quoted section (`""` inside it is two sections back to back): line breaks in it do not count.
      const close = bytes.indexOf(QUOTE, nextQuote + 1);
      if (close === -1) break; // unterminated: the rest of the file is one record
      i = close + 1;
      continue;
    }
    const end = nextBreak === -1 ? n : nextBreak;
    if (!empty(lineStart, end)) count += 1;
    lineStart = end + 1;
    i = end + 1;
  }
  if (lineStart < n && !empty(lineStart, n)) count += 1;
  return count;
}

const FIRST_SLICE = 1 << 20;

/**
 * The header and first `maxRows` data rows of a UTF-8 CSV. Only a prefix of the bytes is decoded
 * and parsed (doubled until it holds enough rows), so the cost follows what is shown, not the file.
 */
export function previewCsv(bytes: Uint8Array, maxRows: number): CsvPreview {
  const decoder = new TextDecoder();
  // Header, the rows shown, and one more: a row is known complete only once the next one has begun.
  const wanted = maxRows + 2;
  for (let length = Math.min(bytes.length, FIRST_SLICE); ; length = Math.min(bytes.length, length * 2)) {
    const whole = length === bytes.length;
    const text = decoder.decode(bytes.subarray(0, length));
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, preview: wanted });
    const records = parsed.data;
    if (whole || records.length >= wanted) {
      const [header = [], ...data] = records;
      const complete = whole && data.length <= maxRows;
      return {
        header,
        rows: data.slice(0, maxRows),
        totalRows: complete ? data.length : Math.max(countCsvRecords(bytes) - 1, maxRows),
        complete,
      };
    }
  }
}
