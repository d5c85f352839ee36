/**
 * The importer's streaming column encoder against `encodeRawColumn`, its whole-column reference:
 * the same values in any split into appends must give the same column and the same rejections.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRawColumnEncoder, encodeRawColumn } from './chunk';
import { COLUMN_TYPES, encodingKindOf } from './types';
import type { ColumnType } from './types';
import { DEFAULT_MISSING_TOKENS, classifyValue } from './values';

const missing = new Set(DEFAULT_MISSING_TOKENS);
const isMissing = (v: string): boolean => missing.has(v) || v.trim() === '';

const value = fc.oneof(
  fc.constantFrom('', 'NA', ' ', '0', '007', '-1', '1.50', ' 2e3 ', 'true', 'No', 'x', '2024-02-29'),
  fc.constantFrom('2023-02-29', '2024-01-02T03:04:05Z', '2024-01-02 03:04', '9007199254740993'),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.string({ maxLength: 6 }),
);

/** Splits `values` into records of width 3 with the value in `field`, some of them short (ragged). */
function toRecords(values: readonly string[], field: number, ragged: readonly boolean[]): string[][] {
  return values.map((v, i) => {
    const record = ['a', 'b', 'c'];
    record[field] = v;
    return ragged[i] === true && v === '' ? record.slice(0, field) : record;
  });
}

describe('createRawColumnEncoder', () => {
  it('matches encodeRawColumn for any split, type and (for trusted inputs) classification', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 60 }),
        fc.constantFrom(...COLUMN_TYPES),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        (values, type: ColumnType, splits, field, ragged, maxRejected, firstRow) => {
          const expected = encodeRawColumn(values, values.length, type, isMissing, firstRow, maxRejected);
          const records = toRecords(values, field, ragged);
          const encoder = createRawColumnEncoder(
            encodingKindOf(type),
            isMissing,
            firstRow,
            maxRejected,
            false,
          );
          let at = 0;
          for (let s = 0; at < records.length; s++) {
            const size = splits[s % splits.length] ?? 1;
            encoder.append(records.slice(at, at + size), Math.min(size, records.length - at), field, type);
            at += size;
          }
          expect(encoder.finish()).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('matches the trusted encodeRawColumn on values classified as numbers', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (raw, split) => {
        const values = raw.filter((v) => isMissing(v) || (classifyValue(v) & 3) !== 0);
        const expected = encodeRawColumn(values, values.length, 'decimal', isMissing, 0, 100, true);
        const encoder = createRawColumnEncoder('number', isMissing, 0, 100, true);
        for (let at = 0; at < values.length; at += split) {
          const part = values.slice(at, at + split).map((v) => [v]);
          encoder.append(part, part.length, 0, at % 2 === 0 ? 'integer' : 'decimal');
        }
        expect(encoder.finish()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('returns compact arrays for a short chunk', () => {
    const encoder = createRawColumnEncoder('number', isMissing, 0);
    encoder.append([['1'], ['2']], 2, 0, 'integer');
    const { column } = encoder.finish();
    expect(column.kind === 'number' && column.values.buffer.byteLength).toBe(16);
  });
});
