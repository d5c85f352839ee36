import type { CsvImportOptions } from '../core/csv';
import { createCsvImporter, CsvImportError } from '../core/csv';
import type { ColumnType } from '../core/package';
import { CliError } from './errors';

const PUSH_BYTES = 1 << 20;

/**
 * Column names and types for datapackage.json and task.json, inferred by the same importer the app
 * uses, so a task packed here shows the types the analyst will see. A CSV the Table Schema in
 * datapackage.json would misdescribe is refused rather than described wrongly: it must be UTF-8,
 * comma-separated, with a header of unique, non-empty names.
 */
export function inferCsvColumns(shown: string, bytes: Uint8Array): { name: string; type: ColumnType }[] {
  try {
    let options: CsvImportOptions = {};
    for (let pass = 0; pass < 2; pass++) {
      const importer = createCsvImporter(options);
      for (let offset = 0; offset < bytes.length; offset += PUSH_BYTES) {
        importer.push(bytes.subarray(offset, offset + PUSH_BYTES));
      }
      const result = importer.finish();
      const { report } = result;
      if (report.encoding.encoding !== 'utf-8') {
        throw new CliError(
          shown,
          `the CSV is ${report.encoding.encoding}, not UTF-8; datapackage.json declares UTF-8, so re-save it as UTF-8`,
        );
      }
      if (report.delimiter.value !== ',') {
        throw new CliError(
          shown,
          `the CSV is separated by ${JSON.stringify(report.delimiter.value)}, not commas; datapackage.json describes comma-separated files`,
        );
      }
      const notice = report.headerNotices[0];
      if (notice) {
        throw new CliError(
          shown,
          `header column ${notice.index + 1} is ${notice.reason === 'empty' ? 'empty' : `a duplicate of "${notice.original}"`}; every column needs a unique name`,
        );
      }
      if (result.status === 'complete') {
        return result.schema.map((column) => ({ name: column.name, type: column.type }));
      }
      options = result.restartOptions;
    }
    throw new CliError(shown, 'column types did not settle after two passes');
  } catch (error) {
    if (error instanceof CsvImportError) {
      throw new CliError(
        shown,
        error.line === undefined ? error.message : `line ${error.line}: ${error.message}`,
      );
    }
    throw error;
  }
}
