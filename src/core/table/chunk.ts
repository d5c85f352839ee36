/**
 * Building and reading chunks. `encodeChunk`/`decodeChunk` convert between decoded cell values
 * and the stored format; `encodeRawColumn` is the importer's fast path from CSV strings.
 */
import { parseAs } from './values';
import { CHUNK_MASK, CHUNK_ROWS, CHUNK_SHIFT, MISSING_BOOLEAN, MISSING_CODE, encodingKindOf } from './types';
import type {
  CellValue,
  ColumnSchema,
  ColumnType,
  EncodedColumn,
  EncodingKind,
  Table,
  TableChunk,
} from './types';

/** Encodes column-major decoded values (null = missing; dates as epoch ms) into a chunk. */
export function encodeChunk(
  index: number,
  schema: readonly ColumnSchema[],
  columns: readonly (readonly CellValue[])[],
): TableChunk {
  if (columns.length !== schema.length) throw new Error('encodeChunk: column count does not match schema');
  const rowCount = columns[0]?.length ?? 0;
  const encoded = schema.map((col, c) => {
    const values = columns[c] ?? [];
    if (values.length !== rowCount) throw new Error(`encodeChunk: column ${col.name} has a different length`);
    return encodeValues(values, col.type);
  });
  return { index, rowCount, columns: encoded };
}

function encodeValues(values: readonly CellValue[], type: ColumnType): EncodedColumn {
  const n = values.length;
  switch (encodingKindOf(type)) {
    case 'number':
    case 'time': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = typeof v === 'number' ? v : NaN;
      }
      return { kind: encodingKindOf(type) as 'number' | 'time', values: out };
    }
    case 'boolean': {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        out[i] = v === true ? 1 : v === false ? 0 : MISSING_BOOLEAN;
      }
      return { kind: 'boolean', values: out };
    }
    case 'string': {
      const codes = new Uint32Array(n);
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (typeof v !== 'string') {
          codes[i] = MISSING_CODE;
          continue;
        }
        let code = index.get(v);
        if (code === undefined) {
          code = dictionary.length;
          dictionary.push(v);
          index.set(v, code);
        }
        codes[i] = code;
      }
      return { kind: 'string', codes, dictionary };
    }
  }
}

/** Decodes a chunk into column-major cell values (null = missing). */
export function decodeChunk(chunk: TableChunk): CellValue[][] {
  return chunk.columns.map((column) => {
    const out: CellValue[] = new Array<CellValue>(chunk.rowCount);
    for (let i = 0; i < chunk.rowCount; i++) out[i] = readCell(column, i);
    return out;
  });
}

export function readCell(column: EncodedColumn, offset: number): CellValue {
  switch (column.kind) {
    case 'number':
    case 'time': {
      const v = column.values[offset] ?? NaN;
      return Number.isNaN(v) ? null : v;
    }
    case 'boolean': {
      const v = column.values[offset];
      return v === 1 ? true : v === 0 ? false : null;
    }
    case 'string': {
      const code = column.codes[offset] ?? MISSING_CODE;
      return code === MISSING_CODE ? null : (column.dictionary[code] ?? null);
    }
  }
}

export function isMissingAt(column: EncodedColumn, offset: number): boolean {
  switch (column.kind) {
    case 'number':
    case 'time':
      return Number.isNaN(column.values[offset] ?? NaN);
    case 'boolean':
      return column.values[offset] === MISSING_BOOLEAN;
    case 'string':
      return column.codes[offset] === MISSING_CODE;
  }
}

/** Reads the cell at a global row index of a table. */
export function tableCell(table: Table, columnIndex: number, row: number): CellValue {
  const chunk = table.chunks[row >>> CHUNK_SHIFT];
  const column = chunk?.columns[columnIndex];
  if (column === undefined) throw new RangeError(`row ${row} / column ${columnIndex} out of range`);
  return readCell(column, row & CHUNK_MASK);
}

/** A value that did not fit a column's type and was stored as missing. */
export interface RejectedValue {
  /** 0-based row index within the table (data rows, header excluded). */
  readonly row: number;
  readonly value: string;
}

export interface RawColumnEncoding {
  readonly column: EncodedColumn;
  /** Values that were present but did not fit the type (stored as missing). */
  readonly rejectedCount: number;
  readonly rejected: RejectedValue[];
}

/**
 * Encodes raw CSV strings as `type`. Missing tokens become missing; present values that do not
 * parse are stored as missing, counted and (up to `maxRejected`) listed — never silently dropped.
 */
export function encodeRawColumn(
  raw: readonly string[],
  count: number,
  type: ColumnType,
  isMissing: (value: string) => boolean,
  firstRow: number,
  maxRejected = 100,
  /** Every present value is known to fit `type` (the importer just classified them). */
  trusted = false,
): RawColumnEncoding {
  const n = count;
  const rejected: RejectedValue[] = [];
  let rejectedCount = 0;
  const reject = (i: number, value: string): void => {
    rejectedCount++;
    if (rejected.length < maxRejected) rejected.push({ row: firstRow + i, value });
  };
  switch (encodingKindOf(type)) {
    case 'string': {
      const codes = new Uint32Array(n);
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const v = raw[i] ?? '';
        if (isMissing(v)) {
          codes[i] = MISSING_CODE;
          continue;
        }
        let code = index.get(v);
        if (code === undefined) {
          code = dictionary.length;
          dictionary.push(v);
          index.set(v, code);
        }
        codes[i] = code;
      }
      return { column: { kind: 'string', codes, dictionary }, rejectedCount, rejected };
    }
    case 'boolean': {
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = raw[i] ?? '';
        if (isMissing(v)) {
          values[i] = MISSING_BOOLEAN;
          continue;
        }
        const b = parseAs(v, 'boolean');
        if (typeof b === 'boolean') values[i] = b ? 1 : 0;
        else {
          values[i] = MISSING_BOOLEAN;
          reject(i, v);
        }
      }
      return { column: { kind: 'boolean', values }, rejectedCount, rejected };
    }
    case 'number':
    case 'time': {
      const values = new Float64Array(n);
      if (trusted && encodingKindOf(type) === 'number') {
        // Number() accepts exactly the validated forms (and trims), and is much faster than re-parsing.
        for (let i = 0; i < n; i++) {
          const v = raw[i] ?? '';
          values[i] = isMissing(v) ? NaN : Number(v);
        }
        return { column: { kind: 'number', values }, rejectedCount, rejected };
      }
      for (let i = 0; i < n; i++) {
        const v = raw[i] ?? '';
        if (isMissing(v)) {
          values[i] = NaN;
          continue;
        }
        const parsed = parseAs(v, type);
        if (typeof parsed === 'number') values[i] = parsed;
        else {
          values[i] = NaN;
          reject(i, v);
        }
      }
      const kind = encodingKindOf(type) as 'number' | 'time';
      return { column: { kind, values }, rejectedCount, rejected };
    }
  }
}

/**
 * Encodes one column of a chunk a few thousand records at a time, straight from the parser's
 * row-major records into the chunk's typed arrays, so no column of strings is ever built and
 * each batch of field strings can die young. Produces exactly what `encodeRawColumn` produces
 * for the same values (the property tests compare the two).
 */
export interface RawColumnEncoder {
  /**
   * Appends field `field` of `records[0..count)` as the next rows (a missing field reads as '').
   * `type` may change between calls only within its storage kind (integer→decimal, date→datetime,
   * text↔category), which stores the same values.
   */
  append(records: readonly (readonly string[])[], count: number, field: number, type: ColumnType): void;
  /**
   * Number and time columns only: lets `fill` write the next `count` stored values (already
   * validated, NaN for missing) straight into the column, from index `at` on.
   */
  appendStored?: (count: number, fill: (values: Float64Array, at: number) => void) => void;
  /** The encoded column of the rows appended so far; the encoder is spent afterwards. */
  finish(): RawColumnEncoding;
}

export function createRawColumnEncoder(
  kind: EncodingKind,
  isMissing: (value: string) => boolean,
  firstRow: number,
  maxRejected = 100,
  /** Every present value is known to fit the type (the importer just classified them). */
  trusted = false,
  capacity = CHUNK_ROWS,
): RawColumnEncoder {
  const rejected: RejectedValue[] = [];
  let rejectedCount = 0;
  let length = 0;
  const reject = (i: number, value: string): void => {
    rejectedCount++;
    if (rejected.length < maxRejected) rejected.push({ row: firstRow + i, value });
  };
  const fit = <T extends Float64Array | Uint8Array | Uint32Array>(array: T): T =>
    // A view would carry (and clone into IndexedDB) the whole buffer: copy a short last chunk.
    (array.length === length ? array : array.slice(0, length)) as T;
  switch (kind) {
    case 'string': {
      const codes = new Uint32Array(capacity);
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      return {
        append(records, count, field) {
          for (let r = 0; r < count; r++, length++) {
            const v = records[r]?.[field] ?? '';
            if (isMissing(v)) {
              codes[length] = MISSING_CODE;
              continue;
            }
            let code = index.get(v);
            if (code === undefined) {
              code = dictionary.length;
              dictionary.push(v);
              index.set(v, code);
            }
            codes[length] = code;
          }
        },
        finish: () => ({ column: { kind, codes: fit(codes), dictionary }, rejectedCount, rejected }),
      };
    }
    case 'boolean': {
      const values = new Uint8Array(capacity);
      return {
        append(records, count, field) {
          for (let r = 0; r < count; r++, length++) {
            const v = records[r]?.[field] ?? '';
            if (isMissing(v)) {
              values[length] = MISSING_BOOLEAN;
              continue;
            }
            const b = parseAs(v, 'boolean');
            if (typeof b === 'boolean') values[length] = b ? 1 : 0;
            else {
              values[length] = MISSING_BOOLEAN;
              reject(length, v);
            }
          }
        },
        finish: () => ({ column: { kind, values: fit(values) }, rejectedCount, rejected }),
      };
    }
    case 'number':
    case 'time': {
      const values = new Float64Array(capacity);
      return {
        append(records, count, field, type) {
          if (trusted && kind === 'number') {
            // Number() accepts exactly the validated forms (and trims), and is much faster than re-parsing.
            for (let r = 0; r < count; r++, length++) {
              const v = records[r]?.[field] ?? '';
              values[length] = isMissing(v) ? NaN : Number(v);
            }
            return;
          }
          for (let r = 0; r < count; r++, length++) {
            const v = records[r]?.[field] ?? '';
            if (isMissing(v)) {
              values[length] = NaN;
              continue;
            }
            const parsed = parseAs(v, type);
            if (typeof parsed === 'number') values[length] = parsed;
            else {
              values[length] = NaN;
              reject(length, v);
            }
          }
        },
        appendStored(count, fill) {
          fill(values, length);
          length += count;
        },
        finish: () => ({ column: { kind, values: fit(values) }, rejectedCount, rejected }),
      };
    }
  }
}

/**
 * Splits full-length columns (e.g. a group-by result) into a table of CHUNK_ROWS-row chunks, so
 * derived results go through exactly the same query, profile and export code as imported data.
 */
export function tableFromColumns(
  schema: readonly ColumnSchema[],
  columns: readonly EncodedColumn[],
  rowCount: number,
): Table {
  const chunks: TableChunk[] = [];
  for (
    let start = 0, index = 0;
    start < rowCount || (index === 0 && rowCount === 0);
    start += CHUNK_ROWS, index++
  ) {
    const end = Math.min(rowCount, start + CHUNK_ROWS);
    chunks.push({
      index,
      rowCount: end - start,
      columns: columns.map((col): EncodedColumn => {
        switch (col.kind) {
          case 'number':
          case 'time':
            return { kind: col.kind, values: col.values.slice(start, end) };
          case 'boolean':
            return { kind: 'boolean', values: col.values.slice(start, end) };
          case 'string':
            return { kind: 'string', codes: col.codes.slice(start, end), dictionary: col.dictionary };
        }
      }),
    });
    if (rowCount === 0) break;
  }
  return { columns: schema, chunks, rowCount };
}

/** Checks the invariants the query engine relies on; throws a descriptive error otherwise. */
export function createTable(schema: readonly ColumnSchema[], chunks: readonly TableChunk[]): Table {
  let rowCount = 0;
  chunks.forEach((chunk, i) => {
    if (chunk.index !== i) throw new Error(`chunk at position ${i} has index ${chunk.index}`);
    if (i < chunks.length - 1 && chunk.rowCount !== CHUNK_ROWS)
      throw new Error(`chunk ${i} has ${chunk.rowCount} rows; only the last chunk may be short`);
    if (chunk.columns.length !== schema.length) throw new Error(`chunk ${i} has the wrong number of columns`);
    chunk.columns.forEach((col, c) => {
      const type = schema[c]?.type;
      if (type === undefined || col.kind !== encodingKindOf(type))
        throw new Error(`chunk ${i} column ${c} is ${col.kind}, schema says ${String(type)}`);
      const length = col.kind === 'string' ? col.codes.length : col.values.length;
      if (length !== chunk.rowCount) throw new Error(`chunk ${i} column ${c} has ${length} rows`);
    });
    rowCount += chunk.rowCount;
  });
  return { columns: schema, chunks, rowCount };
}

/** Builds a table from full-length column-major decoded values (used for derived results). */
export function tableFromValues(
  schema: readonly ColumnSchema[],
  columns: readonly (readonly CellValue[])[],
): Table {
  const rowCount = columns[0]?.length ?? 0;
  const chunks: TableChunk[] = [];
  for (let start = 0, index = 0; start < rowCount; start += CHUNK_ROWS, index++) {
    const end = Math.min(rowCount, start + CHUNK_ROWS);
    chunks.push(
      encodeChunk(
        index,
        schema,
        columns.map((col) => col.slice(start, end)),
      ),
    );
  }
  return { columns: schema, chunks, rowCount };
}
