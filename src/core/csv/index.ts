export { createCsvImporter } from './importer';
export type {
  ColumnTypeHint,
  CsvImporter,
  CsvImportOptions,
  CsvImportProgress,
  CsvImportReport,
  CsvImportResult,
  ImportedColumnReport,
  RaggedRow,
} from './importer';
export { CsvImportError } from './errors';
export type { CsvImportErrorCode } from './errors';
export { createStreamingDecoder, assertLooksLikeText, SNIFF_BYTES } from './decode';
export type { CsvEncoding, EncodingDecision, StreamingTextDecoder } from './decode';
export { CSV_DELIMITERS, detectDelimiter, detectNewline } from './sniff';
export type { CsvDelimiter, CsvNewline } from './sniff';
export { normaliseHeaders } from './headers';
export type { HeaderNotice } from './headers';
export {
  CATEGORY_MAX_DISTINCT,
  CATEGORY_MAX_DISTINCT_RATIO,
  CATEGORY_MIN_VALUES,
  missingMatcher,
} from './infer';
