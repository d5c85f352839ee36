/**
 * Incremental per-column type inference. The state per column is a bitmask of the types every
 * present value so far fits, a present-value count and (for string columns) a capped distinct set:
 * cheap enough to update for every value of every chunk.
 *
 * Category rule: a string column is a category when it has at least 100 present values and
 * at most 50 distinct values, or at most 1% distinct values (the distinct set is capped at
 * 65,536 entries, so above 6.5M present values the 1% rule reads "≤ 65,536 distinct").
 */
import {
  FITS_ANY,
  FITS_BOOLEAN,
  FITS_DATE,
  FITS_DATETIME,
  FITS_DECIMAL,
  FITS_INTEGER,
  classifyParsed,
  classifyValue,
} from '../table/values';
import type { ColumnType } from '../table/types';

export const CATEGORY_MIN_VALUES = 100;
export const CATEGORY_MAX_DISTINCT = 50;
export const CATEGORY_MAX_DISTINCT_RATIO = 0.01;
const DISTINCT_CAP = 65_536;

export interface ColumnInference {
  mask: number;
  present: number;
  missing: number;
  /** undefined once the cap was exceeded (then it cannot be a category). */
  distinct: Set<string> | undefined;
}

export function newColumnInference(): ColumnInference {
  return { mask: FITS_ANY, present: 0, missing: 0, distinct: new Set() };
}

/** Folds field `field` of row-major records (a missing field reads as '') into the column's state. */
export function inferRecords(
  state: ColumnInference,
  records: readonly (readonly string[])[],
  count: number,
  field: number,
  isMissing: (value: string) => boolean,
): void {
  let mask = state.mask;
  let present = 0;
  for (let r = 0; r < count; r++) {
    const v = records[r]?.[field] ?? '';
    if (isMissing(v)) continue;
    present++;
    if (mask !== 0) mask &= classifyValue(v);
  }
  state.missing += count - present;
  state.present += present;
  state.mask = mask;
}

/**
 * `inferRecords` that also stores each value as a number or time column holds it (NaN when
 * missing) in `out` from `at` on, parsing each value once for both. Only meaningful while the
 * column keeps that storage kind; a value that changes it leaves the chunk unusable anyway.
 */
export function inferRecordsInto(
  state: ColumnInference,
  records: readonly (readonly string[])[],
  count: number,
  field: number,
  isMissing: (value: string) => boolean,
  out: Float64Array,
  at: number,
): void {
  let mask = state.mask;
  let present = 0;
  for (let r = 0; r < count; r++) {
    const v = records[r]?.[field] ?? '';
    if (isMissing(v)) {
      out[at + r] = NaN;
      continue;
    }
    present++;
    if (mask !== 0) mask &= classifyParsed(v, out, at + r);
  }
  state.missing += count - present;
  state.present += present;
  state.mask = mask;
}

/**
 * Adds a chunk's dictionary (its distinct strings) to the column's distinct set. Fed from the
 * encoded chunk rather than from every value, so a repeated string costs one Map hit, not two.
 */
export function noteDistinct(state: ColumnInference, dictionary: readonly string[]): void {
  const set = state.distinct;
  if (set === undefined) return;
  for (const value of dictionary) set.add(value);
  if (set.size > DISTINCT_CAP) state.distinct = undefined;
}

/** The narrowest non-string type the mask allows, or 'string' (text or category, decided at the end). */
export function typeFromMask(mask: number): Exclude<ColumnType, 'text' | 'category'> | 'string' {
  if (mask & FITS_INTEGER) return 'integer';
  if (mask & FITS_DECIMAL) return 'decimal';
  if (mask & FITS_BOOLEAN) return 'boolean';
  if (mask & FITS_DATE) return 'date';
  if (mask & FITS_DATETIME) return 'datetime';
  return 'string';
}

export function isCategory(present: number, distinct: number | undefined): boolean {
  if (distinct === undefined || present < CATEGORY_MIN_VALUES) return false;
  return distinct <= CATEGORY_MAX_DISTINCT || distinct <= present * CATEGORY_MAX_DISTINCT_RATIO;
}

/** Final type of an inferred column. A column with no present values at all is text. */
export function finalType(state: ColumnInference): ColumnType {
  if (state.present === 0) return 'text';
  const t = typeFromMask(state.mask);
  if (t !== 'string') return t;
  return isCategory(state.present, state.distinct?.size) ? 'category' : 'text';
}

export function missingMatcher(tokens: readonly string[]): (value: string) => boolean {
  const set = new Set(tokens);
  let maxLength = 0;
  for (const t of tokens) maxLength = Math.max(maxLength, t.length);
  // Which first characters (below 128) start a token: short values such as "7" or "0.2" are
  // ruled out by one array read instead of hashing them for the Set.
  const starts = new Uint8Array(128);
  let nonAsciiStart = false;
  for (const t of tokens) {
    const c = t.charCodeAt(0);
    if (c < 128) starts[c] = 1;
    else if (t !== '') nonAsciiStart = true;
  }
  // Whitespace-only cells count as missing too: they carry no value and would otherwise turn a
  // numeric column into text.
  return (value) => {
    const n = value.length;
    if (n > maxLength) return value.charCodeAt(0) <= 32 && value.trim() === '';
    const c = value.charCodeAt(0);
    if (n > 0 && c > 32 && (c < 128 ? starts[c] === 0 : !nonAsciiStart)) return false;
    return set.has(value) || (c <= 32 && value.trim() === '');
  };
}
