export type CsvImportErrorCode =
  | 'empty-file'
  | 'binary-file'
  | 'unsupported-encoding'
  | 'mixed-encoding'
  | 'unterminated-quote'
  | 'record-too-large'
  | 'no-columns';

/**
 * A refusal the user must see, with the facts needed to fix the file. `line` is the 1-based
 * line number in the file as a text editor counts it.
 */
export class CsvImportError extends Error {
  override readonly name = 'CsvImportError';
  constructor(
    readonly code: CsvImportErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}
