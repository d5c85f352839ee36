/**
 * CSV export of a view result, streamed as text pieces (the worker encodes them to UTF-8 and
 * writes them out, so a million rows never become one string).
 *
 * RFC 4180: fields containing the delimiter, a quote, CR or LF are quoted, quotes doubled; lines
 * end in CRLF. Formula-injection escaping (on by default) prefixes `'` to text and category
 * cells (and header names) that begin with =, +, -, @, tab, CR or LF. Cells of numeric, date and
 * boolean columns are never escaped: they are produced by our own formatter, so a stored -5 is
 * written as -5 and stays a number in a spreadsheet.
 */
import { CHUNK_MASK, CHUNK_SHIFT } from './types';
import type { Table } from './types';
import { readCell } from './chunk';
import { formatCell } from './format';
import { allRows } from './view-error';

export interface CsvExportOptions {
  /** Rows in output order (default: all). */
  readonly rows?: Uint32Array;
  /** Column indices in output order (default: all). */
  readonly columns?: readonly number[];
  readonly escapeFormulas?: boolean;
  readonly delimiter?: string;
  /** Approximate characters per yielded piece. */
  readonly pieceSize?: number;
}

const FORMULA_START = /^[=+\-@\t\r\n]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function quoteField(text: string, delimiter = ','): string {
  if (text.includes('"')) return `"${text.replaceAll('"', '""')}"`;
  if (text.includes(delimiter) || text.includes('\n') || text.includes('\r')) return `"${text}"`;
  return text;
}

export function* exportCsv(table: Table, options: CsvExportOptions = {}): Generator<string, void, undefined> {
  const rows = options.rows ?? allRows(table);
  const columns = options.columns ?? table.columns.map((_, i) => i);
  const escape = options.escapeFormulas ?? true;
  const delimiter = options.delimiter ?? ',';
  const pieceSize = options.pieceSize ?? 1 << 20;
  const schemas = columns.map((c) => {
    const schema = table.columns[c];
    if (schema === undefined) throw new RangeError(`no column ${c}`);
    return schema;
  });
  const isText = schemas.map((s) => s.type === 'text' || s.type === 'category');
  const text = (value: string, textual: boolean): string =>
    quoteField(escape && textual ? escapeFormula(value) : value, delimiter);
  let piece = schemas.map((s) => text(s.name, true)).join(delimiter) + '\r\n';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const chunk = table.chunks[row >>> CHUNK_SHIFT];
    if (chunk === undefined) throw new RangeError(`row ${row} out of range`);
    const offset = row & CHUNK_MASK;
    let line = '';
    for (let k = 0; k < columns.length; k++) {
      const col = chunk.columns[columns[k] ?? 0];
      const schema = schemas[k];
      if (col === undefined || schema === undefined) continue;
      if (k > 0) line += delimiter;
      line += text(formatCell(readCell(col, offset), schema), isText[k] ?? false);
    }
    piece += line + '\r\n';
    if (piece.length >= pieceSize) {
      yield piece;
      piece = '';
    }
  }
  if (piece.length > 0) yield piece;
}
