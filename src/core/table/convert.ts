/**
 * Changing a column's type after import. Works one encoded chunk column at a time (the worker
 * loads, converts and stores chunk by chunk). Values that do not fit the new type become missing
 * and are counted and listed with their row numbers — never silently dropped.
 */
import { encodeRawColumn, readCell } from './chunk';
import type { RawColumnEncoding } from './chunk';
import { MS_PER_DAY } from './civil';
import { formatCell } from './format';
import { CHUNK_ROWS, encodingKindOf } from './types';
import type { ColumnType, EncodedColumn, Table, TableChunk } from './types';
import { columnIndexOf } from './view-error';

/**
 * Converts one chunk's column. `firstRow` is the table row of the chunk's first row, so
 * failures carry table row numbers. Conversions go through the value's text form, except:
 * datetime→date truncates to the UTC day, number→boolean maps 0/1, boolean→number gives 0/1,
 * decimal→integer keeps whole numbers only.
 */
export function convertColumn(
  column: EncodedColumn,
  fromType: ColumnType,
  toType: ColumnType,
  firstRow = 0,
  maxListed = 100,
): RawColumnEncoding {
  const n = column.kind === 'string' ? column.codes.length : column.values.length;
  // Missing cells are passed as '' and only '' counts as missing here, so missing stays missing
  // and only present values can fail (a present empty text cannot be produced by the importer).
  const strings = new Array<string>(n).fill('');
  const fromKind = encodingKindOf(fromType);
  const toKind = encodingKindOf(toType);
  for (let i = 0; i < n; i++) {
    const v = readCell(column, i);
    if (v === null) continue;
    if (fromType === 'datetime' && toType === 'date' && typeof v === 'number') {
      strings[i] = formatCell(Math.floor(v / MS_PER_DAY) * MS_PER_DAY, { name: '', type: 'date' });
    } else if (fromKind === 'number' && toKind === 'boolean' && typeof v === 'number') {
      strings[i] = v === 1 ? 'true' : v === 0 ? 'false' : String(v);
    } else if (fromKind === 'boolean' && toKind === 'number') {
      strings[i] = v === true ? '1' : '0';
    } else {
      strings[i] = formatCell(v, { name: '', type: fromType });
    }
  }
  return encodeRawColumn(strings, n, toType, (v) => v === '', firstRow, maxListed);
}

export interface TableConversion {
  readonly table: Table;
  readonly failedCount: number;
  readonly failures: { row: number; value: string }[];
}

/** Whole-table convenience over convertColumn. */
export function convertTableColumn(
  table: Table,
  name: string,
  toType: ColumnType,
  maxListed = 100,
): TableConversion {
  const c = columnIndexOf(table, name);
  const fromType = table.columns[c]?.type ?? 'text';
  let failedCount = 0;
  const failures: { row: number; value: string }[] = [];
  const chunks: TableChunk[] = table.chunks.map((chunk) => {
    const col = chunk.columns[c] as EncodedColumn;
    const converted = convertColumn(
      col,
      fromType,
      toType,
      chunk.index * CHUNK_ROWS,
      maxListed - failures.length,
    );
    failedCount += converted.rejectedCount;
    failures.push(...converted.rejected);
    const columns = chunk.columns.slice();
    columns[c] = converted.column;
    return { ...chunk, columns };
  });
  const schema = table.columns.map((s, i) => (i === c ? { name: s.name, type: toType } : s));
  return { table: { columns: schema, chunks, rowCount: table.rowCount }, failedCount, failures };
}
