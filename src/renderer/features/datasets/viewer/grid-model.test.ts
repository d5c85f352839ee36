import { describe, expect, it } from 'vitest';
import {
  COLUMN_BLOCK,
  PAGE_ROWS,
  ROW_BLOCK,
  blockColumns,
  blocksFor,
  inRange,
  moveFocus,
  pageOfRow,
  rowPage,
  selectionRange,
} from './grid-model';

describe('grid fetch blocks', () => {
  it('covers exactly the rows and columns on screen with whole blocks', () => {
    expect(blocksFor(0, 10, 0, 3)).toEqual([{ rowBlock: 0, columnBlock: 0 }]);
    const keys = blocksFor(ROW_BLOCK - 1, ROW_BLOCK, COLUMN_BLOCK - 1, COLUMN_BLOCK);
    expect(keys).toEqual([
      { rowBlock: 0, columnBlock: 0 },
      { rowBlock: 0, columnBlock: 1 },
      { rowBlock: 1, columnBlock: 0 },
      { rowBlock: 1, columnBlock: 1 },
    ]);
    // Nothing on screen (an empty result) fetches nothing.
    expect(blocksFor(0, -1, 0, 4)).toEqual([]);
  });

  it('clips the last column block to the column count', () => {
    expect(blockColumns(0, 3)).toEqual([0, 1, 2]);
    expect(blockColumns(1, COLUMN_BLOCK + 2)).toEqual([COLUMN_BLOCK, COLUMN_BLOCK + 1]);
  });
});

describe('grid selection and keyboard', () => {
  it('normalises an anchor/focus pair into a rectangle, whichever way it was dragged', () => {
    const range = selectionRange({ anchor: { row: 5, column: 3 }, focus: { row: 2, column: 1 } });
    expect(range).toEqual({ firstRow: 2, lastRow: 5, firstColumn: 1, lastColumn: 3 });
    expect(inRange(range, 2, 3)).toBe(true);
    expect(inRange(range, 6, 3)).toBe(false);
    expect(inRange(range, 3, 0)).toBe(false);
  });

  it('moves the focused cell by arrows, pages and Home/End, staying inside the grid', () => {
    const at = { row: 3, column: 2 };
    expect(moveFocus(at, 'ArrowDown', false, 10, 4, 5)).toEqual({ row: 4, column: 2 });
    expect(moveFocus(at, 'ArrowRight', false, 10, 3, 5)).toEqual({ row: 3, column: 2 });
    expect(moveFocus(at, 'ArrowUp', true, 10, 4, 5)).toEqual({ row: 0, column: 2 });
    expect(moveFocus(at, 'PageDown', false, 10, 4, 5)).toEqual({ row: 8, column: 2 });
    expect(moveFocus(at, 'PageDown', false, 6, 4, 5)).toEqual({ row: 5, column: 2 });
    expect(moveFocus(at, 'Home', false, 10, 4, 5)).toEqual({ row: 3, column: 0 });
    expect(moveFocus(at, 'End', true, 10, 4, 5)).toEqual({ row: 9, column: 3 });
    expect(moveFocus(at, 'a', false, 10, 4, 5)).toBeUndefined();
  });
});

describe('grid pages', () => {
  it('keeps one page up to PAGE_ROWS rows and splits larger results, the last page holding the rest', () => {
    expect(rowPage(0, 0)).toEqual({ index: 0, count: 1, start: 0, rows: 0 });
    expect(rowPage(PAGE_ROWS, 0)).toEqual({ index: 0, count: 1, start: 0, rows: PAGE_ROWS });
    expect(rowPage(PAGE_ROWS * 2 + 5, 2)).toEqual({ index: 2, count: 3, start: PAGE_ROWS * 2, rows: 5 });
    // A page index past the end (the result shrank) is clamped to the last page.
    expect(rowPage(10, 4)).toEqual({ index: 0, count: 1, start: 0, rows: 10 });
    expect(pageOfRow(PAGE_ROWS - 1)).toBe(0);
    expect(pageOfRow(PAGE_ROWS)).toBe(1);
    // 30 px rows: a page stays far below the ~33.5 million pixel element limit.
    expect(PAGE_ROWS * 30).toBeLessThan(2 ** 25);
  });
});
