/**
 * Evaluates a ViewSpec: filter the source rows, then group-by or pivot (if any), then sort the
 * result, optionally only the first `limit` rows (top-K path for the grid's first screen).
 */
import { sharedAllRows } from './cache';
import { filterRows, isEmptyGroup } from './filter';
import { groupRows, pivotRows } from './group';
import { sortRows } from './sort';
import type { Table } from './types';
import type { ViewSpec } from './view-spec';
import { allRows, columnIndexOf } from './view-error';

export interface ViewResult {
  /** The source table, or the group-by / pivot result table. */
  readonly table: Table;
  /** Rows of `table` to show, in display order. */
  readonly rows: Uint32Array;
  /** Indices into table.columns of the visible columns, in display order. */
  readonly columns: number[];
  /** Source rows that passed the filters (before grouping). */
  readonly matchedRows: number;
  readonly droppedPivotColumns: number;
}

export function runView(source: Table, spec: ViewSpec, options: { limit?: number } = {}): ViewResult {
  // Unfiltered, the matched rows are 0..n-1. Group-by, pivot and sort/limit only read them and
  // return new arrays, so they can share the table's cached copy instead of allocating (and
  // page-faulting) a fresh 4 MB array per run; only a plain listing returns `matched` itself.
  const readOnly =
    spec.groupBy !== undefined ||
    spec.pivot !== undefined ||
    spec.sort.length > 0 ||
    options.limit !== undefined;
  const matched =
    readOnly && isEmptyGroup(spec.filters) ? sharedAllRows(source) : filterRows(source, spec.filters);
  let table = source;
  let rows = matched;
  let droppedPivotColumns = 0;
  if (spec.groupBy !== undefined) {
    table = groupRows(source, matched, spec.groupBy);
    rows = allRows(table);
  } else if (spec.pivot !== undefined) {
    const pivot = pivotRows(source, matched, spec.pivot);
    table = pivot.table;
    droppedPivotColumns = pivot.droppedColumns;
    rows = allRows(table);
  }
  rows = sortRows(table, rows, spec.sort, options.limit);
  const columns =
    spec.columns === undefined
      ? table.columns.map((_, i) => i)
      : spec.columns.map((name) => columnIndexOf(table, name));
  return { table, rows, columns, matchedRows: matched.length, droppedPivotColumns };
}
