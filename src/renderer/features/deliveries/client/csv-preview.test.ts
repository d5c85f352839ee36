import { describe, expect, it } from 'vitest';
import { countCsvRecords, previewCsv } from './csv-preview';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A CSV of `n` data rows whose second column is a quoted multi-line note on every third row. */
function bigCsv(n: number): string {
  const lines = ['id,note,value'];
  for (let i = 1; i <= n; i++)
    lines.push(`${String(i)},${i % 3 === 0 ? '"two\r\nlines, ""quoted"""' : 'plain'},${String(i * 2)}`);
  return `${lines.join('\r\n')}\r\n`;
}

describe('countCsvRecords', () => {
  it('counts records, not line breaks inside quoted fields', () => {
    expect(countCsvRecords(bytes('a,b\n1,"x\ny"\n2,z\n'))).toBe(3);
    expect(countCsvRecords(bytes(bigCsv(10)))).toBe(11);
  });

  it('skips empty lines and counts a last line without a line break', () => {
    expect(countCsvRecords(bytes('a,b\r\n\r\n1,2\r\n\n3,4'))).toBe(3);
    expect(countCsvRecords(bytes(''))).toBe(0);
    expect(countCsvRecords(bytes('\n\n'))).toBe(0);
  });

  it('reads CR-only line breaks, and an unterminated quote as one last record', () => {
    expect(countCsvRecords(bytes('a\r1\r2\r'))).toBe(3);
    expect(countCsvRecords(bytes('a,b\n1,"never\nclosed\n2,3\n'))).toBe(2);
  });
});

describe('previewCsv', () => {
  it('gives every row of a small table and says it is complete', () => {
    expect(previewCsv(bytes('region,growth\r\nnorth,0.12\r\nsouth,-0.03\r\n'), 5)).toEqual({
      header: ['region', 'growth'],
      rows: [
        ['north', '0.12'],
        ['south', '-0.03'],
      ],
      totalRows: 2,
      complete: true,
    });
  });

  it('is complete with exactly the cap, and not with one row more', () => {
    expect(previewCsv(bytes(bigCsv(4)), 4)).toMatchObject({ totalRows: 4, complete: true });
    const over = previewCsv(bytes(bigCsv(5)), 4);
    expect(over).toMatchObject({ totalRows: 5, complete: false });
    expect(over.rows).toHaveLength(4);
  });

  it('parses only the first rows of a large file, yet counts all of them', () => {
    // About 2.7 MB: more than the first slice, so the prefix has to grow before it holds the rows.
    const csv = bytes(bigCsv(120_000));
    const preview = previewCsv(csv, 100_000);
    expect(preview.complete).toBe(false);
    expect(preview.totalRows).toBe(120_000);
    expect(preview.rows).toHaveLength(100_000);
    expect(preview.rows[0]).toEqual(['1', 'plain', '2']);
    expect(preview.rows[2]).toEqual(['3', 'two\r\nlines, "quoted"', '6']);
    expect(preview.rows.at(-1)).toEqual(['100000', 'plain', '200000']);
  });

  it('stops early on a large file when few rows are wanted', () => {
    const preview = previewCsv(bytes(bigCsv(120_000)), 3);
    expect(preview.rows.map((row) => row[0])).toEqual(['1', '2', '3']);
    expect(preview).toMatchObject({ totalRows: 120_000, complete: false });
  });

  it('reads the UTF-8 header of a file with a byte-order mark', () => {
    expect(previewCsv(bytes('\uFEFFrégion,n\nnord,1\n'), 10).header).toEqual(['région', 'n']);
  });
});
