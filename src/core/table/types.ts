/**
 * Column types and the columnar chunk format.
 *
 * Chunks are what the storage layer writes to IndexedDB, so everything here must survive
 * structured cloning: typed arrays, plain objects, arrays of strings. No classes, no Maps.
 */

export const COLUMN_TYPES = [
  'integer',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'category',
  'text',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/**
 * Rows per chunk. A power of two so a global row index splits into chunk and offset with a
 * shift and a mask, which keeps random access in sort and export cheap.
 */
export const CHUNK_SHIFT = 16;
export const CHUNK_ROWS = 1 << CHUNK_SHIFT; // 65,536
export const CHUNK_MASK = CHUNK_ROWS - 1;

/** Dictionary code meaning "missing" in string columns. */
export const MISSING_CODE = 0xffffffff;
/** Boolean column byte meaning "missing" (0 = false, 1 = true). */
export const MISSING_BOOLEAN = 2;

/**
 * Missing convention for numbers and times: NaN. The importer never recognises "NaN" or
 * "Infinity" as numbers (such columns become text), so a NaN in a numeric column can only
 * mean missing and no separate bitmap is needed.
 */
export type EncodedColumn =
  /** integer and decimal */
  | { readonly kind: 'number'; readonly values: Float64Array }
  /** 0 false, 1 true, 2 missing */
  | { readonly kind: 'boolean'; readonly values: Uint8Array }
  /** date and datetime: epoch milliseconds, UTC; dates are midnight UTC */
  | { readonly kind: 'time'; readonly values: Float64Array }
  /**
   * text and category: codes into a dictionary private to this chunk (MISSING_CODE = missing).
   * Per-chunk dictionaries mean a chunk is written once and never rewritten when a later chunk
   * meets new strings; queries map chunk codes to global ids over the (small) dictionaries.
   */
  | { readonly kind: 'string'; readonly codes: Uint32Array; readonly dictionary: string[] };

export type EncodingKind = EncodedColumn['kind'];

export interface TableChunk {
  /** Position of the chunk in its table; chunk i holds rows [i * CHUNK_ROWS, ...). */
  readonly index: number;
  readonly rowCount: number;
  /** Same order as the table's columns. */
  readonly columns: EncodedColumn[];
}

export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
  /** For derived time keys (group-by buckets): how values should be displayed. */
  readonly bucket?: TimeBucket;
}

export type TimeBucket = 'year' | 'month' | 'day';

/** An in-memory table: the schema plus its chunks, every chunk but the last full. */
export interface Table {
  readonly columns: readonly ColumnSchema[];
  readonly chunks: readonly TableChunk[];
  readonly rowCount: number;
}

/** A decoded cell, as used at API edges (tests, export, grid). Dates and datetimes are epoch ms. */
export type CellValue = number | boolean | string | null;

export function encodingKindOf(type: ColumnType): EncodingKind {
  switch (type) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'datetime':
      return 'time';
    case 'category':
    case 'text':
      return 'string';
  }
}
