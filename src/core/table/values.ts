/**
 * Recognising, parsing and formatting single cell values. Shared by import inference,
 * column conversion, filter literals and export so that all of them agree on what "a date"
 * or "an integer" is.
 *
 * Recognised forms (documented contract, also shown to users):
 * - integer: optional sign, digits, no leading zeros ("0" itself is fine), |n| <= 2^53 - 1.
 *   "007" and 9007199254740993 are NOT integers: they stay text so nothing is lost.
 * - decimal: optional sign, digits with an optional fraction and/or exponent ("1.5", ".5",
 *   "-2e3"); no leading zeros before the point ("00.5" is text), no thousands separators, at
 *   most 15 significant digits (more cannot round-trip through a double). "NaN"/"Infinity" are text.
 * - boolean: true/false/yes/no, any letter case. 0/1 are integers (so they can be summed).
 * - date: year first only, because day/month order is ambiguous otherwise: YYYY-MM-DD, YYYY/MM/DD.
 *   Stored as epoch ms at midnight UTC.
 * - datetime: a date, "T" or a space, HH:MM[:SS[.fraction]], then optionally Z, ±HH, ±HHMM or ±HH:MM.
 *   Without a zone the wall-clock time is stored as if it were UTC, so values never shift with the
 *   analyst's time zone.
 */
import { MS_PER_DAY, daysFromCivil, daysInMonth, packedCivilFromDays } from './civil';
import type { ColumnType } from './types';

export const FITS_INTEGER = 1;
export const FITS_DECIMAL = 2;
export const FITS_BOOLEAN = 4;
export const FITS_DATE = 8;
export const FITS_DATETIME = 16;
export const FITS_ANY = FITS_INTEGER | FITS_DECIMAL | FITS_BOOLEAN | FITS_DATE | FITS_DATETIME;

export const DEFAULT_MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'null', 'NULL', '-'];

const C_0 = 48;
const C_9 = 57;
const C_MINUS = 45;
const C_PLUS = 43;
const C_DOT = 46;
const C_SPACE = 32;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

/** Integer value of `s`, or NaN if `s` is not a recognised integer. */
export function parseInteger(s: string): number {
  const n = s.length;
  let i = 0;
  const first = s.charCodeAt(0);
  if (first === C_MINUS || first === C_PLUS) i = 1;
  const digits = n - i;
  if (digits < 1 || digits > 16) return NaN;
  if (digits > 1 && s.charCodeAt(i) === C_0) return NaN;
  for (let k = i; k < n; k++) if (!isDigit(s.charCodeAt(k))) return NaN;
  const value = Number(s);
  if (!Number.isSafeInteger(value)) return NaN;
  return value === 0 ? 0 : value; // fold -0
}

/** Decimal value of `s` (integers included), or NaN if `s` is not a recognised number. */
export function parseDecimal(s: string): number {
  const n = s.length;
  let i = 0;
  const first = s.charCodeAt(0);
  if (first === C_MINUS || first === C_PLUS) i = 1;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (intDigits > 1 && s.charCodeAt(intStart) === C_0) return NaN;
  let fracDigits = 0;
  if (i < n && s.charCodeAt(i) === C_DOT) {
    i++;
    const fracStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracDigits = i - fracStart;
  }
  if (intDigits + fracDigits === 0) return NaN;
  if (i < n) {
    const e = s.charCodeAt(i);
    if (e !== 101 && e !== 69) return NaN; // e E
    i++;
    const sign = s.charCodeAt(i);
    if (sign === C_MINUS || sign === C_PLUS) i++;
    const expStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === expStart || i - expStart > 3 || i !== n) return NaN;
  }
  if (significantDigits(s, intStart, intDigits, fracDigits) > 15) return NaN;
  const value = Number(s);
  if (!Number.isFinite(value)) return NaN;
  return value === 0 ? 0 : value;
}

function significantDigits(s: string, start: number, intDigits: number, fracDigits: number): number {
  // Leading zeros (including those right after the point) are not significant.
  let count = 0;
  let leading = true;
  const end = start + intDigits + (fracDigits > 0 ? fracDigits + 1 : 0);
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c === C_DOT) continue;
    if (leading && c === C_0) continue;
    leading = false;
    count++;
  }
  return count;
}

/** true/false for recognised booleans, undefined otherwise. */
export function parseBoolean(s: string): boolean | undefined {
  if (s.length < 2 || s.length > 5) return undefined;
  switch (s.toLowerCase()) {
    case 'true':
    case 'yes':
      return true;
    case 'false':
    case 'no':
      return false;
    default:
      return undefined;
  }
}

function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - C_0;
  const b = s.charCodeAt(at + 1) - C_0;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

/** Epoch ms (midnight UTC) of the YYYY-MM-DD / YYYY/MM/DD prefix of `s`, or NaN. */
function parseDatePrefix(s: string): number {
  if (s.length < 10) return NaN;
  const sep = s.charCodeAt(4);
  if ((sep !== C_MINUS && sep !== 47) || s.charCodeAt(7) !== sep) return NaN;
  const hi = twoDigits(s, 0);
  const lo = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const year = hi * 100 + lo;
  if (day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

export function parseDate(s: string): number {
  return s.length === 10 ? parseDatePrefix(s) : NaN;
}

export function parseDateTime(s: string): number {
  const date = parseDatePrefix(s);
  if (Number.isNaN(date)) return NaN;
  if (s.length === 10) return date; // a bare date is a valid datetime at midnight
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== C_SPACE) return NaN; // 'T' or ' '
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  if (s.charCodeAt(13) !== 58 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let i = 16;
  let ms = hour * 3_600_000 + minute * 60_000;
  if (s.charCodeAt(i) === 58) {
    const second = twoDigits(s, i + 1);
    if (second < 0 || second > 59) return NaN;
    ms += second * 1000;
    i += 3;
    if (s.charCodeAt(i) === C_DOT || s.charCodeAt(i) === 44) {
      i++;
      const start = i;
      let fraction = 0;
      let scale = 100;
      while (i < s.length && isDigit(s.charCodeAt(i))) {
        fraction += (s.charCodeAt(i) - C_0) * scale;
        scale /= 10;
        i++;
      }
      if (i === start || i - start > 9) return NaN;
      ms += Math.floor(fraction + 1e-9);
    }
  }
  if (i === s.length) return date + ms;
  const z = s.charCodeAt(i);
  if (z === 90 && i + 1 === s.length) return date + ms; // 'Z'
  if (z !== C_PLUS && z !== C_MINUS) return NaN;
  const offH = twoDigits(s, i + 1);
  if (offH < 0 || offH > 14) return NaN;
  let offM = 0;
  const rest = s.length - (i + 3);
  if (rest === 3 && s.charCodeAt(i + 3) === 58) offM = twoDigits(s, i + 4);
  else if (rest === 2) offM = twoDigits(s, i + 3);
  else if (rest !== 0) return NaN;
  if (offM < 0 || offM > 59) return NaN;
  const offset = (offH * 60 + offM) * 60_000;
  return date + ms - (z === C_PLUS ? offset : -offset);
}

/** Bitmask of FITS_* types that a present (non-missing) raw value fits. */
export function classifyValue(raw: string): number {
  const s = hasOuterSpace(raw) ? raw.trim() : raw;
  const c = s.charCodeAt(0);
  if (isDigit(c) || c === C_MINUS || c === C_PLUS || c === C_DOT) {
    const quick = classifyCommonNumber(s);
    if (quick !== 0) return quick;
    const n = s.length;
    if (n === 10) {
      // YYYY-MM-DD or YYYY/MM/DD: two separators at 4 and 7 can never make a number.
      const sep = s.charCodeAt(4);
      if ((sep === C_MINUS || sep === 47) && s.charCodeAt(7) === sep)
        return Number.isNaN(parseDate(s)) ? 0 : FITS_DATE | FITS_DATETIME;
    }
    if (!Number.isNaN(parseInteger(s))) return FITS_INTEGER | FITS_DECIMAL;
    if (!Number.isNaN(parseDecimal(s))) return FITS_DECIMAL;
    if (s.length === 10 && !Number.isNaN(parseDate(s))) return FITS_DATE | FITS_DATETIME;
    if (!Number.isNaN(parseDateTime(s))) return FITS_DATETIME;
    return 0;
  }
  return parseBoolean(s) === undefined ? 0 : FITS_BOOLEAN;
}

/**
 * The mask of the plainest numbers, decided in one scan without calling Number(): an optional
 * sign, then either at most 15 digits without a leading zero (an integer), or digits, a point and
 * digits, at most 15 in all (a decimal). Anything else returns 0, meaning "ask the full parsers",
 * so the answer is always the one parseInteger/parseDecimal give.
 */
function classifyCommonNumber(s: string): number {
  const n = s.length;
  let i = 0;
  const first = s.charCodeAt(0);
  if (first === C_MINUS || first === C_PLUS) i = 1;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (intDigits > 1 && s.charCodeAt(intStart) === C_0) return 0;
  if (i === n) return intDigits >= 1 && intDigits <= 15 ? FITS_INTEGER | FITS_DECIMAL : 0;
  if (s.charCodeAt(i) !== C_DOT) return 0;
  i++;
  const fracStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const digits = intDigits + (i - fracStart);
  return i === n && digits >= 1 && digits <= 15 ? FITS_DECIMAL : 0;
}

/** Powers of ten up to 1e15, all exact doubles. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * classifyValue, and the value as an importer stores it: for a number, what Number() gives; for a
 * date or datetime, epoch ms; otherwise NaN, written to `out[at]` so no object is made per value.
 * Plain numbers are built from their digits while scanning: at most 15 digits make an exact
 * integer mantissa, and dividing by an exact power of ten rounds once, correctly, as Number() does.
 */
export function classifyParsed(raw: string, out: Float64Array, at: number): number {
  const s = hasOuterSpace(raw) ? raw.trim() : raw;
  const c = s.charCodeAt(0);
  if (!(isDigit(c) || c === C_MINUS || c === C_PLUS || c === C_DOT)) {
    out[at] = NaN;
    return parseBoolean(s) === undefined ? 0 : FITS_BOOLEAN;
  }
  const n = s.length;
  let i = c === C_MINUS || c === C_PLUS ? 1 : 0;
  const intStart = i;
  let m = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - C_0;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
  }
  const intDigits = i - intStart;
  if (intDigits <= 1 || s.charCodeAt(intStart) !== C_0) {
    if (i === n) {
      if (intDigits >= 1 && intDigits <= 15) {
        out[at] = c === C_MINUS ? -m : m;
        return FITS_INTEGER | FITS_DECIMAL;
      }
    } else if (s.charCodeAt(i) === C_DOT) {
      const fracStart = ++i;
      for (; i < n; i++) {
        const d = s.charCodeAt(i) - C_0;
        if (d < 0 || d > 9) break;
        m = m * 10 + d;
      }
      const fracDigits = i - fracStart;
      if (i === n && intDigits + fracDigits >= 1 && intDigits + fracDigits <= 15) {
        const v = m / (POW10[fracDigits] ?? NaN);
        out[at] = c === C_MINUS ? -v : v;
        return FITS_DECIMAL;
      }
    }
  }
  const mask = classifyValue(s);
  out[at] =
    mask & (FITS_INTEGER | FITS_DECIMAL)
      ? Number(s)
      : mask & FITS_DATE
        ? parseDate(s)
        : mask & FITS_DATETIME
          ? parseDateTime(s)
          : NaN;
  return mask;
}

export function hasOuterSpace(s: string): boolean {
  return s.length > 0 && (s.charCodeAt(0) <= C_SPACE || s.charCodeAt(s.length - 1) <= C_SPACE);
}

/**
 * Parses a raw string as `type`. Returns the stored representation (number, epoch ms,
 * boolean, or the string itself), or undefined when it does not fit. Surrounding whitespace
 * is ignored for non-text types.
 */
export function parseAs(raw: string, type: ColumnType): number | boolean | string | undefined {
  if (type === 'text' || type === 'category') return raw;
  const s = hasOuterSpace(raw) ? raw.trim() : raw;
  let v: number;
  switch (type) {
    case 'integer':
      v = parseInteger(s);
      break;
    case 'decimal':
      v = parseDecimal(s);
      break;
    case 'date':
      v = parseDate(s);
      break;
    case 'datetime':
      v = parseDateTime(s);
      break;
    case 'boolean':
      return parseBoolean(s);
  }
  return Number.isNaN(v) ? undefined : v;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatDate(ms: number): string {
  const packed = packedCivilFromDays(Math.floor(ms / MS_PER_DAY));
  return `${pad(Math.floor(packed / 10000), 4)}-${pad(Math.floor(packed / 100) % 100, 2)}-${pad(packed % 100, 2)}`;
}

/** ISO 8601 in UTC; milliseconds only when present, so whole-second values stay short. */
export function formatDateTime(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const inDay = ms - days * MS_PER_DAY;
  const h = Math.floor(inDay / 3_600_000);
  const m = Math.floor(inDay / 60_000) % 60;
  const sec = Math.floor(inDay / 1000) % 60;
  const milli = Math.round(inDay % 1000);
  const base = `${formatDate(ms)}T${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}`;
  return milli === 0 ? `${base}Z` : `${base}.${pad(milli, 3)}Z`;
}

export function formatNumber(n: number): string {
  return String(n);
}

export function formatBucket(ms: number, bucket: 'year' | 'month' | 'day'): string {
  const d = formatDate(ms);
  return bucket === 'year' ? d.slice(0, 4) : bucket === 'month' ? d.slice(0, 7) : d;
}
