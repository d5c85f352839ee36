import type { CsvDelimiter, CsvEncoding, CsvNewline, EncodingDecision } from '@core/csv';

export const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Pipe (|)',
};

export const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Western European)',
  'utf-16le': 'UTF-16 little-endian',
  'utf-16be': 'UTF-16 big-endian',
};

const ENCODING_REASONS: Record<EncodingDecision['reason'], string> = {
  override: 'chosen by you',
  bom: 'from the byte order mark',
  'valid-utf-8': 'detected: valid UTF-8',
  'invalid-utf-8-fallback': 'detected: not valid UTF-8',
  'ascii-only': 'detected: plain ASCII',
};

export function describeEncoding(decision: EncodingDecision): string {
  return `${ENCODING_NAMES[decision.encoding]} (${ENCODING_REASONS[decision.reason]})`;
}

export const NEWLINE_NAMES: Record<CsvNewline, string> = {
  '\n': 'LF (Unix, macOS)',
  '\r\n': 'CRLF (Windows)',
  '\r': 'CR (classic Mac)',
};

export const formatCount = (n: number): string => n.toLocaleString('en-US');

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
