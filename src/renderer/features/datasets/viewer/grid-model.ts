/**
 * Pure parts of the grid: which blocks of cells to fetch for what is on screen, the selection
 * rectangle, and keyboard movement. The grid fetches cells in blocks of ROW_BLOCK rows by
 * COLUMN_BLOCK columns, so scrolling asks the worker for a few small windows, never for a column.
 */
import type { ColumnType } from '@core/table';
import { encodingKindOf } from '@core/table';

export const ROW_BLOCK = 64;
export const COLUMN_BLOCK = 16;

export interface BlockKey {
  readonly rowBlock: number;
  readonly columnBlock: number;
}

export function blockId(key: BlockKey): string {
  return `${key.rowBlock}:${key.columnBlock}`;
}

/** Blocks covering rows [firstRow, lastRow] and display columns [firstColumn, lastColumn] (inclusive). */
export function blocksFor(
  firstRow: number,
  lastRow: number,
  firstColumn: number,
  lastColumn: number,
): BlockKey[] {
  if (lastRow < firstRow || lastColumn < firstColumn) return [];
  const keys: BlockKey[] = [];
  for (let r = Math.floor(firstRow / ROW_BLOCK); r <= Math.floor(lastRow / ROW_BLOCK); r++)
    for (let c = Math.floor(firstColumn / COLUMN_BLOCK); c <= Math.floor(lastColumn / COLUMN_BLOCK); c++)
      keys.push({ rowBlock: r, columnBlock: c });
  return keys;
}

/** The display columns of a column block, clipped to the column count. */
export function blockColumns(columnBlock: number, columnCount: number): number[] {
  const out: number[] = [];
  const end = Math.min(columnCount, (columnBlock + 1) * COLUMN_BLOCK);
  for (let c = columnBlock * COLUMN_BLOCK; c < end; c++) out.push(c);
  return out;
}

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

export interface Selection {
  readonly anchor: CellPosition;
  readonly focus: CellPosition;
}

export interface CellRange {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

export function selectionRange(selection: Selection): CellRange {
  const { anchor, focus } = selection;
  return {
    firstRow: Math.min(anchor.row, focus.row),
    lastRow: Math.max(anchor.row, focus.row),
    firstColumn: Math.min(anchor.column, focus.column),
    lastColumn: Math.max(anchor.column, focus.column),
  };
}

export function inRange(range: CellRange, row: number, column: number): boolean {
  return (
    row >= range.firstRow && row <= range.lastRow && column >= range.firstColumn && column <= range.lastColumn
  );
}

/** Where a navigation key moves the focused cell (undefined: not a navigation key). */
export function moveFocus(
  focus: CellPosition,
  key: string,
  ctrl: boolean,
  rowCount: number,
  columnCount: number,
  pageRows: number,
): CellPosition | undefined {
  const clampRow = (r: number) => Math.max(0, Math.min(rowCount - 1, r));
  const clampColumn = (c: number) => Math.max(0, Math.min(columnCount - 1, c));
  switch (key) {
    case 'ArrowDown':
      return { row: clampRow(ctrl ? rowCount - 1 : focus.row + 1), column: focus.column };
    case 'ArrowUp':
      return { row: clampRow(ctrl ? 0 : focus.row - 1), column: focus.column };
    case 'ArrowRight':
      return { row: focus.row, column: clampColumn(ctrl ? columnCount - 1 : focus.column + 1) };
    case 'ArrowLeft':
      return { row: focus.row, column: clampColumn(ctrl ? 0 : focus.column - 1) };
    case 'PageDown':
      return { row: clampRow(focus.row + pageRows), column: focus.column };
    case 'PageUp':
      return { row: clampRow(focus.row - pageRows), column: focus.column };
    case 'Home':
      return ctrl ? { row: 0, column: 0 } : { row: focus.row, column: 0 };
    case 'End':
      return ctrl
        ? { row: Math.max(0, rowCount - 1), column: Math.max(0, columnCount - 1) }
        : { row: focus.row, column: clampColumn(columnCount - 1) };
    default:
      return undefined;
  }
}

export function isNumericType(type: ColumnType): boolean {
  return encodingKindOf(type) === 'number';
}

export function defaultColumnWidth(type: ColumnType): number {
  switch (type) {
    case 'integer':
    case 'decimal':
    case 'boolean':
      return 120;
    case 'date':
      return 130;
    case 'datetime':
      return 190;
    case 'category':
      return 160;
    case 'text':
      return 220;
  }
}

/**
 * Rows per grid page. Browsers cap an element's height at 2^25 (~33.5 million) pixels, so a scroll
 * area for more than about 1.1 million 30 px rows would silently cut off the rest. A million rows
 * (30 million pixels) still scroll as one; beyond that the grid pages (each page scrolls normally,
 * Previous/Next and the keyboard move between pages).
 */
export const PAGE_ROWS = 1_000_000;

export interface RowPage {
  readonly index: number;
  readonly count: number;
  /** First result row of the page. */
  readonly start: number;
  /** Rows on the page. */
  readonly rows: number;
}

export function rowPage(rowCount: number, pageIndex: number, pageRows = PAGE_ROWS): RowPage {
  const count = Math.max(1, Math.ceil(rowCount / pageRows));
  const index = Math.max(0, Math.min(count - 1, pageIndex));
  const start = index * pageRows;
  return { index, count, start, rows: Math.max(0, Math.min(pageRows, rowCount - start)) };
}

export function pageOfRow(row: number, pageRows = PAGE_ROWS): number {
  return Math.floor(row / pageRows);
}
