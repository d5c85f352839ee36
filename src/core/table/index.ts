export * from './types';
export {
  encodeChunk,
  decodeChunk,
  readCell,
  isMissingAt,
  tableCell,
  encodeRawColumn,
  tableFromColumns,
  tableFromValues,
  createTable,
} from './chunk';
export type { RejectedValue, RawColumnEncoding } from './chunk';
export {
  DEFAULT_MISSING_TOKENS,
  parseAs,
  parseInteger,
  parseDecimal,
  parseBoolean,
  parseDate,
  parseDateTime,
  classifyValue,
  formatDate,
  formatDateTime,
  formatNumber,
  formatBucket,
} from './values';
export { bucketStart, daysFromCivil, civilFromDays } from './civil';
export { formatCell } from './format';
export * from './view-spec';
export { ViewError, columnIndexOf, allRows } from './view-error';
export { filterRows } from './filter';
export { sortRows } from './sort';
export { compareStrings } from './keys';
export { groupRows, pivotRows } from './group';
export type { PivotResult } from './group';
export { runView } from './run-view';
export type { ViewResult } from './run-view';
export { profileColumn, quantile } from './profile';
export type { ColumnProfile, Histogram } from './profile';
export { exportCsv, escapeFormula, quoteField } from './export';
export type { CsvExportOptions } from './export';
export { convertColumn, convertTableColumn } from './convert';
export type { TableConversion } from './convert';
