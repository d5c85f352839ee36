import type { Table } from './types';

/** A view that cannot be evaluated against this table (unknown column, operator/type mismatch…). */
export class ViewError extends Error {
  override readonly name = 'ViewError';
}

export function columnIndexOf(table: Table, name: string): number {
  const index = table.columns.findIndex((c) => c.name === name);
  if (index === -1) throw new ViewError(`unknown column "${name}"`);
  return index;
}

/** Every row of the table, in order. */
export function allRows(table: Table): Uint32Array {
  const rows = new Uint32Array(table.rowCount);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  return rows;
}
