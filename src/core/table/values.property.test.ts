/**
 * classifyValue's one-scan fast paths against the plain composition of the documented parsers
 * (what classifyValue was before the fast paths): the mask must be the same for every string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FITS_BOOLEAN,
  FITS_DATE,
  FITS_DATETIME,
  FITS_DECIMAL,
  FITS_INTEGER,
  classifyParsed,
  classifyValue,
  hasOuterSpace,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseDecimal,
  parseInteger,
} from './values';

function referenceClassify(raw: string): number {
  const s = hasOuterSpace(raw) ? raw.trim() : raw;
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (!Number.isNaN(parseInteger(s))) return FITS_INTEGER | FITS_DECIMAL;
    if (!Number.isNaN(parseDecimal(s))) return FITS_DECIMAL;
    if (s.length === 10 && !Number.isNaN(parseDate(s))) return FITS_DATE | FITS_DATETIME;
    if (!Number.isNaN(parseDateTime(s))) return FITS_DATETIME;
    return 0;
  }
  return parseBoolean(s) === undefined ? 0 : FITS_BOOLEAN;
}

/** Strings made of the characters numbers and dates are made of, so the edge cases come up often. */
const numberish = fc
  .array(fc.constantFrom('0', '1', '5', '9', '-', '+', '.', 'e', 'E', '/', ':', 'T', ' ', 'Z'), {
    maxLength: 26,
  })
  .map((cs) => cs.join(''));

/** What the importer stored for a value of this mask before classifyParsed: Number() or parseAs. */
function referenceStored(raw: string, mask: number): number {
  const s = hasOuterSpace(raw) ? raw.trim() : raw;
  if (mask & (FITS_INTEGER | FITS_DECIMAL)) return Number(raw);
  if (mask & FITS_DATE) return parseDate(s);
  if (mask & FITS_DATETIME) return parseDateTime(s);
  return NaN;
}

function expectParsedLikeReference(raw: string): void {
  const out = new Float64Array(3);
  const mask = classifyParsed(raw, out, 1);
  expect(mask).toBe(referenceClassify(raw));
  // Object.is: -0 must stay -0, as Number("-0.0") gives.
  expect(Object.is(out[1], referenceStored(raw, mask))).toBe(true);
  expect([out[0], out[2]]).toEqual([0, 0]);
}

describe('classifyValue', () => {
  it('agrees with the reference on number- and date-like strings', () => {
    fc.assert(
      fc.property(numberish, (s) => {
        expect(classifyValue(s)).toBe(referenceClassify(s));
        expectParsedLikeReference(s);
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the reference on numbers, dates and arbitrary strings', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
      fc.double().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => d.toFixed(Math.abs(d) < 1e6 ? 6 : 0)),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll('-', '/')),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
    );
    fc.assert(
      fc.property(value, fc.constantFrom('', ' ', '\t'), (s, pad) => {
        expect(classifyValue(pad + s + pad)).toBe(referenceClassify(pad + s + pad));
        expectParsedLikeReference(pad + s + pad);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['007', 0],
    ['0', FITS_INTEGER | FITS_DECIMAL],
    ['-0', FITS_INTEGER | FITS_DECIMAL],
    ['123456789012345', FITS_INTEGER | FITS_DECIMAL],
    ['9007199254740991', FITS_INTEGER | FITS_DECIMAL],
    ['9007199254740993', 0],
    ['00.5', 0],
    ['.5', FITS_DECIMAL],
    ['5.', FITS_DECIMAL],
    ['1.23456789012345', FITS_DECIMAL],
    ['1.234567890123456', 0],
    ['0.0000000000000001', FITS_DECIMAL],
    ['1e999', 0],
    ['2024-02-29', FITS_DATE | FITS_DATETIME],
    ['2023-02-29', 0],
    ['2024/01/31', FITS_DATE | FITS_DATETIME],
    ['2024-01/31', 0],
    ['2024-01-31T10:00', FITS_DATETIME],
    [' 12 ', FITS_INTEGER | FITS_DECIMAL],
  ])('classifies %j as %i', (s, mask) => {
    expect(classifyValue(s)).toBe(mask);
    expect(referenceClassify(s)).toBe(mask);
    expectParsedLikeReference(s);
  });

  it('builds plain decimals from their digits exactly as Number() rounds them', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^(0|[1-9][0-9]{0,7})$/),
        fc.stringMatching(/^[0-9]{0,7}$/),
      )
      .map(([sign, int, frac]) => `${sign}${int}.${frac}`);
    fc.assert(
      fc.property(decimal, (s) => {
        expectParsedLikeReference(s);
      }),
      { numRuns: 50_000 },
    );
  });
});
