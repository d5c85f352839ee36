/** Test-only helpers: run bytes through the importer in arbitrary slices and decode the table. */
import { createCsvImporter } from './importer';
import type { CsvImportOptions, CsvImportResult } from './importer';
import { createTable, decodeChunk } from '../table/chunk';
import type { CellValue, Table, TableChunk } from '../table/types';

export function importBytes(
  bytes: Uint8Array,
  options: CsvImportOptions = {},
  sliceSize = 1 << 20,
): { result: CsvImportResult; chunks: TableChunk[] } {
  let importer = createCsvImporter(options);
  const run = (): { result: CsvImportResult; chunks: TableChunk[] } => {
    const chunks: TableChunk[] = [];
    for (let i = 0; i < bytes.length; i += sliceSize)
      chunks.push(...importer.push(bytes.subarray(i, i + sliceSize)));
    const result = importer.finish();
    if (result.status === 'complete') chunks.push(...result.chunks);
    return { result, chunks };
  };
  const first = run();
  if (first.result.status === 'complete') return first;
  importer = createCsvImporter(first.result.restartOptions);
  return run();
}

export function importText(text: string, options: CsvImportOptions = {}, sliceSize?: number) {
  return importBytes(new TextEncoder().encode(text), options, sliceSize);
}

/** Imports and returns the table plus row-major decoded values. */
export function importTable(
  text: string | Uint8Array,
  options: CsvImportOptions = {},
  sliceSize?: number,
): { table: Table; rows: CellValue[][]; result: Extract<CsvImportResult, { status: 'complete' }> } {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const { result, chunks } = importBytes(bytes, options, sliceSize);
  if (result.status !== 'complete') throw new Error('restart did not complete');
  const table = createTable(result.schema, chunks);
  const rows: CellValue[][] = [];
  for (const chunk of chunks) {
    const cols = decodeChunk(chunk);
    for (let r = 0; r < chunk.rowCount; r++) rows.push(cols.map((col) => col[r] ?? null));
  }
  return { table, rows, result };
}
