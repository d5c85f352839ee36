/**
 * Clipboard text for a block of grid cells: tab-separated, one line per row (CRLF, as spreadsheets
 * write it). A cell containing a tab, a line break or a double quote is quoted with quotes doubled,
 * which Excel, LibreOffice and Google Sheets all read back as one cell.
 */
export function tsvField(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toTsv(rows: readonly (readonly (string | null)[])[], header?: readonly string[]): string {
  const lines: string[] = [];
  if (header !== undefined) lines.push(header.map(tsvField).join('\t'));
  for (const row of rows) lines.push(row.map((cell) => tsvField(cell ?? '')).join('\t'));
  return lines.join('\r\n');
}
