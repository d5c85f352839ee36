/** File line bookkeeping: records can span lines, and users need editor line numbers. */
import type { CsvNewline } from './sniff';

export function countLineBreaks(text: string, newline: CsvNewline, end = text.length): number {
  const mark = newline === '\r' ? '\r' : '\n';
  let count = 0;
  for (let i = text.indexOf(mark); i !== -1 && i < end; i = text.indexOf(mark, i + 1)) count++;
  return count;
}

/**
 * 0-based line offsets (relative to the start of `text`) at which each record of `text` starts,
 * following Papa's quoting rules: a quote opens a field only at its start, `""` is an escaped
 * quote, and a quote closes the field only when followed by (optional spaces and) a delimiter,
 * line break or the end. Only used when a batch has ragged rows, so clarity beats speed here.
 */
export function recordStartLines(
  text: string,
  delimiter: string,
  newline: CsvNewline,
  quote = '"',
): number[] {
  const starts: number[] = [];
  let line = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    starts.push(line);
    // one record
    for (;;) {
      if (text[i] === quote) {
        i++;
        for (;;) {
          const q = text.indexOf(quote, i);
          if (q === -1) {
            line += countLineBreaks(text.slice(i), newline);
            i = n;
            break;
          }
          line += countLineBreaks(text.slice(i, q), newline);
          if (text[q + 1] === quote) {
            i = q + 2;
            continue;
          }
          let j = q + 1;
          while (text[j] === ' ') j++;
          if (j >= n || text.startsWith(delimiter, j) || text.startsWith(newline, j)) {
            i = j;
            break;
          }
          i = q + 1; // malformed closing quote: Papa keeps searching
        }
      }
      const nextDelim = text.indexOf(delimiter, i);
      const nextBreak = text.indexOf(newline, i);
      if (nextDelim !== -1 && (nextBreak === -1 || nextDelim < nextBreak)) {
        i = nextDelim + delimiter.length;
        continue;
      }
      if (nextBreak === -1) {
        i = n;
        break;
      }
      line += countLineBreaks(text.slice(i, nextBreak + newline.length), newline);
      i = nextBreak + newline.length;
      break;
    }
  }
  return starts;
}
