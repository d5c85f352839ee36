/** Display/export text of a decoded cell, by column type. Missing becomes ''. */
import type { CellValue, ColumnSchema } from './types';
import { formatBucket, formatDate, formatDateTime, formatNumber } from './values';

export function formatCell(value: CellValue, column: ColumnSchema): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (column.bucket !== undefined) return formatBucket(value, column.bucket);
  if (column.type === 'date') return formatDate(value);
  if (column.type === 'datetime') return formatDateTime(value);
  return formatNumber(value);
}
