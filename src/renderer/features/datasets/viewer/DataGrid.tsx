import { ActionIcon, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ColumnType, SortKey } from '@core/table';
import type { Icon } from '@tabler/icons-react';
import {
  IconArrowDown,
  IconArrowUp,
  IconCalendar,
  IconCategory,
  IconClock,
  IconDecimal,
  IconDotsVertical,
  IconHash,
  IconLetterCase,
  IconToggleLeft,
} from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, PointerEvent as ReactPointerEvent, ReactNode } from 'react';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { RowWindow, ViewColumn } from '../../../workers/query-engine';
import { errorMessage } from '../../common/error-message';
import type { CellPosition, Selection } from './grid-model';
import {
  COLUMN_BLOCK,
  ROW_BLOCK,
  blockColumns,
  blockId,
  blocksFor,
  defaultColumnWidth,
  inRange,
  isNumericType,
  moveFocus,
  pageOfRow,
  rowPage,
  selectionRange,
} from './grid-model';
import type { QueryRemote } from './use-query-worker';
import './data-grid.css';

const ROW_HEIGHT = 30;
const HEADER_HEIGHT = 36;
const MIN_WIDTH = 60;

export const TYPE_ICONS: Record<ColumnType, Icon> = {
  integer: IconHash,
  decimal: IconDecimal,
  boolean: IconToggleLeft,
  date: IconCalendar,
  datetime: IconClock,
  category: IconCategory,
  text: IconLetterCase,
};

export interface DataGridProps {
  readonly remote: QueryRemote;
  readonly handle: number;
  readonly rowCount: number;
  readonly columns: readonly ViewColumn[];
  readonly sort: readonly SortKey[];
  readonly label: string;
  readonly widths: Readonly<Record<string, number>>;
  readonly onResize: (column: string, width: number) => void;
  readonly onSortClick: (column: string, additive: boolean) => void;
  /** Items of a column's header menu (Mantine Menu.Item elements). */
  readonly headerMenu: (column: ViewColumn, displayIndex: number) => ReactNode;
}

/**
 * The dataset grid: rows and columns virtualised (only what is on screen is in the DOM, and only
 * that is fetched from the query worker), sticky header and row numbers, click-to-sort headers,
 * resizable columns, range selection and copy as TSV. role="grid" with the full row and column
 * counts, so assistive technology announces positions in the whole result, not in the DOM.
 */
export function DataGrid(props: DataGridProps) {
  const { remote, handle, rowCount, columns, widths } = props;
  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowNumberWidth = Math.max(56, 16 + 8 * String(rowCount).length);
  const widthOf = useCallback(
    (c: number) => {
      const column = columns[c];
      return column ? (widths[column.name] ?? defaultColumnWidth(column.type)) : 120;
    },
    [columns, widths],
  );

  const [pageIndex, setPageIndex] = useState(0);
  const page = rowPage(rowCount, pageIndex);
  // TanStack Virtual re-renders through its own state; the grid is not memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is the point of this component
  const rowVirtualizer = useVirtualizer({
    count: page.rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 12,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: widthOf,
    paddingStart: rowNumberWidth,
    scrollPaddingStart: rowNumberWidth,
    overscan: 3,
  });
  useLayoutEffect(() => {
    columnVirtualizer.measure();
  }, [columnVirtualizer, widthOf, rowNumberWidth]);

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const totalWidth = columnVirtualizer.getTotalSize();
  const totalHeight = rowVirtualizer.getTotalSize();

  // ---- cells, fetched by block from the worker ----
  const cache = useRef(new Map<string, RowWindow>());
  const pending = useRef(new Set<string>());
  const [, setFetched] = useState(0);
  const cacheKey = `${handle}:${columns.length}`;
  const cacheOwner = useRef(cacheKey);
  if (cacheOwner.current !== cacheKey) {
    cacheOwner.current = cacheKey;
    cache.current = new Map();
    pending.current = new Set();
  }
  // Global result rows on screen (virtual indices count from the start of the page).
  const firstRow = page.start + (virtualRows[0]?.index ?? 0);
  const lastRow = page.start + (virtualRows[virtualRows.length - 1]?.index ?? -1);
  const firstColumn = virtualColumns[0]?.index ?? 0;
  const lastColumn = virtualColumns[virtualColumns.length - 1]?.index ?? -1;
  useEffect(() => {
    const wanted = blocksFor(firstRow, lastRow, firstColumn, lastColumn);
    const owner = cacheOwner.current;
    for (const key of wanted) {
      const id = blockId(key);
      if (cache.current.has(id) || pending.current.has(id)) continue;
      pending.current.add(id);
      const start = key.rowBlock * ROW_BLOCK;
      remote.window(handle, start, start + ROW_BLOCK, blockColumns(key.columnBlock, columns.length)).then(
        (win) => {
          if (cacheOwner.current !== owner || win === undefined) return;
          pending.current.delete(id);
          cache.current.set(id, win);
          setFetched((n) => n + 1);
        },
        (caught: unknown) => {
          pending.current.delete(id);
          notifications.show({ color: 'red', title: 'Could not read rows', message: errorMessage(caught) });
        },
      );
    }
  }, [remote, handle, columns.length, firstRow, lastRow, firstColumn, lastColumn, cacheKey]);

  const cellAt = (row: number, column: number): string | null | undefined => {
    const win = cache.current.get(`${Math.floor(row / ROW_BLOCK)}:${Math.floor(column / COLUMN_BLOCK)}`);
    return win?.cells[row - win.start]?.[column % COLUMN_BLOCK];
  };
  const rowNumberAt = (row: number): number | undefined => {
    const win = cache.current.get(`${Math.floor(row / ROW_BLOCK)}:${Math.floor(firstColumn / COLUMN_BLOCK)}`);
    return win?.rowNumbers[row - win.start];
  };

  // ---- selection and keyboard ----
  const [selection, setSelection] = useState<Selection>();
  useEffect(() => {
    setSelection(undefined);
    setPageIndex(0);
  }, [cacheKey]);
  /** Keyboard moves to a row on another page: scroll to it once that page is rendered. */
  const pendingScroll = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const row = pendingScroll.current;
    if (row === undefined) return;
    pendingScroll.current = undefined;
    rowVirtualizer.scrollToIndex(row - page.start);
  }, [rowVirtualizer, page.start]);
  const goToPage = (index: number) => {
    setPageIndex(index);
    rowVirtualizer.scrollToOffset(0);
  };
  const range = selection ? selectionRange(selection) : undefined;
  const cellId = (p: CellPosition) => `${gridId}-r${p.row}-c${p.column}`;

  const select = (position: CellPosition, extend: boolean) => {
    setSelection((current) =>
      extend && current ? { anchor: current.anchor, focus: position } : { anchor: position, focus: position },
    );
  };

  const copySelection = async () => {
    if (!range) return;
    try {
      const text = await remote.copy(handle, range, false);
      if (text === undefined) return;
      await navigator.clipboard.writeText(text);
      const cells = (range.lastRow - range.firstRow + 1) * (range.lastColumn - range.firstColumn + 1);
      notifications.show({ message: `Copied ${cells.toLocaleString('en-US')} cells as tab-separated text.` });
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not copy', message: errorMessage(caught) });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && event.key.toLowerCase() === 'c') {
      event.preventDefault();
      void copySelection();
      return;
    }
    if (ctrl && event.key.toLowerCase() === 'a' && rowCount > 0 && columns.length > 0) {
      event.preventDefault();
      setSelection({
        anchor: { row: 0, column: 0 },
        focus: { row: rowCount - 1, column: columns.length - 1 },
      });
      return;
    }
    if (event.key === 'Escape') {
      setSelection(undefined);
      return;
    }
    if (rowCount === 0 || columns.length === 0) return;
    const focus = selection?.focus ?? { row: 0, column: 0 };
    const pageRows = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? 300) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const next = selection
      ? moveFocus(focus, event.key, ctrl, rowCount, columns.length, pageRows)
      : event.key.startsWith('Arrow')
        ? focus
        : undefined;
    if (!next) return;
    event.preventDefault();
    select(next, event.shiftKey);
    const nextPage = pageOfRow(next.row);
    if (nextPage !== page.index) {
      pendingScroll.current = next.row;
      setPageIndex(nextPage);
    } else rowVirtualizer.scrollToIndex(next.row - page.start);
    columnVirtualizer.scrollToIndex(next.column);
  };

  // ---- column resize ----
  const startResize = (event: ReactPointerEvent<HTMLDivElement>, column: ViewColumn, c: number) => {
    event.preventDefault();
    event.stopPropagation();
    const handleEl = event.currentTarget;
    handleEl.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = widthOf(c);
    const move = (e: PointerEvent) => {
      props.onResize(column.name, Math.max(MIN_WIDTH, Math.round(startWidth + e.clientX - startX)));
    };
    const up = () => {
      handleEl.removeEventListener('pointermove', move);
      handleEl.removeEventListener('pointerup', up);
    };
    handleEl.addEventListener('pointermove', move);
    handleEl.addEventListener('pointerup', up);
  };

  const sortIndex = (name: string) => props.sort.findIndex((s) => s.column === name);
  const focusPosition = selection?.focus;
  // Only a rendered cell can be the active descendant; off screen the grid itself stays focused.
  const focusRendered =
    focusPosition !== undefined &&
    focusPosition.row >= firstRow &&
    focusPosition.row <= lastRow &&
    focusPosition.column >= firstColumn &&
    focusPosition.column <= lastColumn;

  const pager =
    page.count > 1 ? (
      <Group gap="xs" justify="flex-end" data-testid="grid-pages">
        <Text size="sm" aria-live="polite">
          Rows {(page.start + 1).toLocaleString('en-US')}–{(page.start + page.rows).toLocaleString('en-US')}{' '}
          of {rowCount.toLocaleString('en-US')}
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          disabled={page.index === 0}
          onClick={() => {
            goToPage(page.index - 1);
          }}
        >
          Previous rows
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          disabled={page.index === page.count - 1}
          onClick={() => {
            goToPage(page.index + 1);
          }}
        >
          Next rows
        </Button>
      </Group>
    ) : null;

  return (
    <div className="kpo-grid-wrap">
      {pager}
      <div
        ref={scrollRef}
        className="kpo-grid"
        role="grid"
        aria-label={props.label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={focusRendered ? cellId(focusPosition) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="data-grid"
      >
        <div className="kpo-grid-canvas" style={{ width: totalWidth, height: totalHeight }}>
          <div
            className="kpo-grid-header"
            role="row"
            aria-rowindex={1}
            style={{ width: totalWidth, height: HEADER_HEIGHT }}
          >
            <div
              className="kpo-grid-corner"
              role="columnheader"
              aria-colindex={1}
              style={{ width: rowNumberWidth }}
            >
              <span className="visually-hidden">Row number</span>#
            </div>
            {virtualColumns.map((vc) => {
              const column = columns[vc.index];
              if (!column) return null;
              const TypeIcon = TYPE_ICONS[column.type];
              const s = sortIndex(column.name);
              const key = s >= 0 ? props.sort[s] : undefined;
              return (
                <div
                  key={column.name}
                  className="kpo-grid-columnheader"
                  role="columnheader"
                  aria-colindex={vc.index + 2}
                  aria-label={column.name}
                  aria-sort={
                    key && props.sort.length === 1
                      ? key.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                  }
                  data-column={column.name}
                  style={{ left: vc.start, width: vc.size, height: HEADER_HEIGHT }}
                >
                  <Tooltip label={column.type} openDelay={400}>
                    <span className="kpo-grid-type" role="img" aria-label={`${column.type} column`}>
                      <TypeIcon size={14} aria-hidden />
                    </span>
                  </Tooltip>
                  <button
                    type="button"
                    className="kpo-grid-sort"
                    title="Sort (Shift+click to add to the sort)"
                    aria-label={
                      key
                        ? `${column.name}, sorted ${key.direction === 'asc' ? 'ascending' : 'descending'}${props.sort.length > 1 ? `, sort key ${s + 1}` : ''}`
                        : column.name
                    }
                    onClick={(event) => {
                      props.onSortClick(column.name, event.shiftKey);
                    }}
                  >
                    <span className="kpo-grid-name">{column.name}</span>
                    {key && (
                      <span className="kpo-grid-sort-mark" aria-hidden>
                        {key.direction === 'asc' ? (
                          <IconArrowUp size={12} aria-hidden />
                        ) : (
                          <IconArrowDown size={12} aria-hidden />
                        )}
                        {props.sort.length > 1 && <sub>{s + 1}</sub>}
                      </span>
                    )}
                  </button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="gray"
                        aria-label={`Column menu for ${column.name}`}
                      >
                        <IconDotsVertical size={14} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>{props.headerMenu(column, vc.index)}</Menu.Dropdown>
                  </Menu>
                  <div
                    className="kpo-grid-resize"
                    role="separator"
                    aria-orientation="vertical"
                    aria-label={`Resize ${column.name}`}
                    onPointerDown={(event) => {
                      startResize(event, column, vc.index);
                    }}
                  />
                </div>
              );
            })}
          </div>
          {virtualRows.map((vr) => {
            const row = page.start + vr.index;
            const rowNumber = rowNumberAt(row);
            return (
              <div
                key={vr.key}
                className="kpo-grid-row"
                role="row"
                aria-rowindex={row + 2}
                style={{ top: vr.start, height: ROW_HEIGHT, width: totalWidth }}
              >
                <div
                  className="kpo-grid-rownumber"
                  role="rowheader"
                  aria-colindex={1}
                  style={{ width: rowNumberWidth }}
                >
                  {rowNumber ?? ''}
                </div>
                {virtualColumns.map((vc) => {
                  const column = columns[vc.index];
                  if (!column) return null;
                  const value = cellAt(row, vc.index);
                  const selected = range ? inRange(range, row, vc.index) : false;
                  const focused = focusPosition?.row === row && focusPosition.column === vc.index;
                  return (
                    <div
                      key={column.name}
                      id={cellId({ row, column: vc.index })}
                      className="kpo-grid-cell"
                      role="gridcell"
                      aria-colindex={vc.index + 2}
                      aria-selected={selected}
                      data-numeric={isNumericType(column.type) || undefined}
                      data-focused={focused || undefined}
                      data-missing={value === null || undefined}
                      style={{ left: vc.start, width: vc.size }}
                      onMouseDown={(event) => {
                        if (event.button !== 0) return;
                        event.preventDefault();
                        scrollRef.current?.focus({ preventScroll: true });
                        select({ row, column: vc.index }, event.shiftKey);
                      }}
                    >
                      {value ?? ''}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {rowCount === 0 && (
          <Text className="kpo-grid-empty" c="dimmed" size="sm">
            No rows match.
          </Text>
        )}
      </div>
    </div>
  );
}
