import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvImportError } from './errors';
import { createCsvImporter } from './importer';
import { missingMatcher } from './infer';
import { DEFAULT_MISSING_TOKENS } from '../table/values';
import { importBytes, importTable, importText } from './test-helpers';
import { CHUNK_ROWS } from '../table/types';
import type { Table } from '../table/types';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A table as one string per chunk column (kind, values or codes, dictionary), for fast comparison. */
function flatten(table: Table): string[] {
  return table.chunks.flatMap((chunk) =>
    chunk.columns.map((col) =>
      col.kind === 'string'
        ? `${chunk.rowCount} string ${col.codes.join()} ${JSON.stringify(col.dictionary)}`
        : `${chunk.rowCount} ${col.kind} ${col.values.join()}`,
    ),
  );
}

function expectImportError(run: () => unknown, code: string, line?: number): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvImportError);
    expect((error as CsvImportError).code).toBe(code);
    if (line !== undefined) expect((error as CsvImportError).line).toBe(line);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('decoding', () => {
  it('strips a UTF-8 BOM and reports it', () => {
    const { rows, result } = importTable('\uFEFFname,n\nZoë,1\n');
    expect(result.schema[0]?.name).toBe('name');
    expect(rows).toEqual([['Zoë', 1]]);
    expect(result.report.encoding).toEqual({ encoding: 'utf-8', reason: 'bom', bomStripped: true });
  });

  it('falls back to windows-1252 when bytes are not UTF-8', () => {
    const bytes = new Uint8Array([...utf8('city,n\nK'), 0xf6, ...utf8('ln,1\nCaf'), 0xe9, ...utf8(',2\n')]);
    const { rows, result } = importTable(bytes);
    expect(rows).toEqual([
      ['Köln', 1],
      ['Café', 2],
    ]);
    expect(result.report.encoding.encoding).toBe('windows-1252');
    expect(result.report.encoding.reason).toBe('invalid-utf-8-fallback');
  });

  it('falls back even when the first non-ASCII byte ends a pushed slice', () => {
    const bytes = new Uint8Array([...utf8('a,b\nx'), 0xe9, ...utf8(',1\n')]);
    const { rows } = importTable(bytes, {}, 6); // slice ends right after 0xe9
    expect(rows).toEqual([['xé', 1]]);
  });

  it('honours an encoding override', () => {
    const bytes = new Uint8Array([...utf8('a\n'), 0xc3, 0xa9, ...utf8('\n')]);
    expect(importTable(bytes, { encoding: 'windows-1252' }).rows).toEqual([['Ã©']]);
    expect(importTable(bytes).rows).toEqual([['é']]);
  });

  it('decodes UTF-16 with a BOM', () => {
    const text = 'a;b\nü;2\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const { rows, result } = importTable(bytes);
    expect(rows).toEqual([['ü', 2]]);
    expect(result.report.encoding.encoding).toBe('utf-16le');
  });

  it('handles a multi-byte character split across pushes', () => {
    const text = 'word,n\n' + 'ä€😀,1\n'.repeat(50);
    for (const slice of [1, 2, 3, 5, 7]) {
      const { rows, result } = importTable(text, {}, slice);
      expect(rows.length).toBe(50);
      expect(rows.every((r) => r[0] === 'ä€😀')).toBe(true);
      expect(result.report.encoding.reason).toBe('valid-utf-8');
    }
  });

  it('refuses an empty file', () => {
    expectImportError(() => importText(''), 'empty-file');
    expectImportError(() => importText('\uFEFF  \n'), 'empty-file');
  });

  it('refuses binary input', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expectImportError(() => importBytes(png), 'binary-file');
    const noisy = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 1 : 65));
    expectImportError(() => importBytes(noisy), 'binary-file');
  });
});

describe('structure', () => {
  it('detects semicolon, tab and pipe delimiters, respecting quotes', () => {
    expect(importTable('a;b\n"1,5";2\n"3,5";4\n').result.report.delimiter).toEqual({
      value: ';',
      detected: true,
    });
    expect(importTable('a\tb\n1\t2\n').result.report.delimiter.value).toBe('\t');
    expect(importTable('a|b|c\n1|2|3\n').result.report.delimiter.value).toBe('|');
    expect(importTable('a;b\n1;2\n', { delimiter: ',' }).rows).toEqual([['1;2']]);
  });

  it('parses quoted delimiters, escaped quotes and embedded newlines (CRLF too)', () => {
    const { rows } = importTable('id,text\r\n1,"a, ""b""\r\nc"\r\n2,plain\r\n');
    expect(rows).toEqual([
      [1, 'a, "b"\r\nc'],
      [2, 'plain'],
    ]);
  });

  it('keeps quoted fields intact when a push boundary falls inside them', () => {
    const text =
      'id,text\n' + Array.from({ length: 200 }, (_, i) => `${i},"x, ""y""\nz${i}"`).join('\n') + '\n';
    for (const slice of [1, 3, 17, 64]) {
      const { rows } = importTable(text, {}, slice);
      expect(rows.length).toBe(200);
      expect(rows[199]).toEqual([199, 'x, "y"\nz199']);
    }
  });

  it('supports files without a header row', () => {
    const { rows, result } = importTable('1,a\n2,b\n', { hasHeader: false });
    expect(result.schema.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(rows).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('renames duplicate and empty headers with notices', () => {
    const { result } = importTable('name,name,,x\n1,2,3,4\n');
    expect(result.schema.map((c) => c.name)).toEqual(['name', 'name_2', 'column_3', 'x']);
    expect(result.report.headerNotices.map((n) => n.reason)).toEqual(['duplicate', 'empty']);
  });

  it('reports ragged rows with file line numbers after multi-line records', () => {
    const text = ['a,b,c', '1,"two', 'lines",3', '4,5', '6,7,8,9', '"x', 'y', 'z",8,9', '10,11', ''].join(
      '\n',
    );
    const { rows, result } = importTable(text);
    expect(result.report.ragged.count).toBe(3);
    expect(result.report.ragged.padded).toBe(2);
    expect(result.report.ragged.truncated).toBe(1);
    expect(result.report.ragged.listed).toEqual([
      { line: 4, row: 1, expected: 3, actual: 2 },
      { line: 5, row: 2, expected: 3, actual: 4 },
      { line: 9, row: 4, expected: 3, actual: 2 },
    ]);
    expect(rows[1]).toEqual(['4', '5', null]); // padded with missing
    expect(rows[2]).toEqual(['6', '7', 8]); // truncated
  });

  it('counts ragged rows on the right lines when pushed in tiny slices', () => {
    const text = 'a,b\n"q\nq",1\n2\n3,4\n5\n';
    const { result } = importTable(text, {}, 2);
    expect(result.report.ragged.listed.map((r) => r.line)).toEqual([4, 6]);
  });

  it('counts blank lines, but not the final line break, whatever the push boundaries', () => {
    const cases: [string, number][] = [
      ['a,b\n1,2\n', 0],
      ['a,b\r\n1,2\r\n', 0],
      ['a,b\n1,2', 0],
      ['a,b\n1,2\n\n3,4\n', 1],
      ['a,b\n\n1,2\n\n', 2],
    ];
    for (const [text, blank] of cases) {
      for (const slice of [undefined, 1, 3]) {
        const { result } = importText(text, {}, slice);
        expect(result.report.blankLinesSkipped, `${JSON.stringify(text)} in slices of ${slice}`).toBe(blank);
      }
    }
  });

  it('refuses an unterminated quote with the line where it opened', () => {
    const text = 'a,b\n1,2\n"multi\nline",3\n4,"never closed\n5,6\n7,8\n';
    expectImportError(() => importText(text), 'unterminated-quote', 5);
    expectImportError(() => importText(text, {}, 3), 'unterminated-quote', 5);
  });

  it('refuses an unterminated quote that swallows more than maxRecordChars', () => {
    const text = 'a\n"open\n' + 'x\n'.repeat(5000);
    expectImportError(() => importText(text, { maxRecordChars: 1000 }, 100), 'unterminated-quote', 2);
  });
});

describe('type inference', () => {
  it('infers integer, decimal, boolean, date, datetime and keeps IDs as text', () => {
    const text = [
      'int,dec,bool,date,dt,zip,big,mixed',
      '1,1.5,true,2024-01-31,2024-01-31T10:00:00Z,00501,9007199254740993,1',
      '-2,.25,No,2024/02/29,2024-02-01 08:30:15.250+01:00,02134,123,x',
      '3,1e3,YES,2023-12-01,2024-03-01T00:00,10001,5,2',
    ].join('\n');
    const { rows, result } = importTable(text);
    expect(result.schema.map((c) => c.type)).toEqual([
      'integer',
      'decimal',
      'boolean',
      'date',
      'datetime',
      'text',
      'text',
      'text',
    ]);
    expect(rows[0]?.slice(5)).toEqual(['00501', '9007199254740993', '1']);
    expect(rows[1]?.slice(0, 5)).toEqual([
      -2,
      0.25,
      false,
      Date.UTC(2024, 1, 29),
      Date.UTC(2024, 1, 1, 7, 30, 15, 250),
    ]);
    expect(rows[2]?.[4]).toBe(Date.UTC(2024, 2, 1));
  });

  it('treats missing-value tokens as missing, configurably', () => {
    const text = 'n,s\n1,a\nNA,N/A\nnull,NULL\n-,\n 5 ,b\n';
    const { rows, result } = importTable(text);
    expect(result.schema.map((c) => c.type)).toEqual(['integer', 'text']);
    expect(rows.map((r) => r[0])).toEqual([1, null, null, null, 5]);
    expect(result.report.columns[0]?.missing).toBe(3);
    const custom = importTable('n\n1\nNA\n?\n', { missingTokens: ['?', ''] });
    expect(custom.result.schema[0]?.type).toBe('text');
    expect(custom.rows.map((r) => r[0])).toEqual(['1', 'NA', null]);
  });

  it('rejects impossible dates and ambiguous day/month orders as dates', () => {
    expect(importTable('d\n2023-02-29\n').result.schema[0]?.type).toBe('text');
    expect(importTable('d\n01/02/2024\n').result.schema[0]?.type).toBe('text');
  });

  it('makes low-cardinality text a category (≥100 values, ≤50 distinct)', () => {
    const cats = ['red', 'green', 'blue'];
    const text = 'c,t\n' + Array.from({ length: 150 }, (_, i) => `${cats[i % 3]},id-${i}`).join('\n');
    const { result } = importTable(text);
    expect(result.schema.map((c) => c.type)).toEqual(['category', 'text']);
    expect(importTable('c\n' + 'x\ny\n'.repeat(20)).result.schema[0]?.type).toBe('text'); // < 100 values
  });

  it('relabels compatible type changes across chunks without a second pass', () => {
    const rows = Array.from({ length: CHUNK_ROWS + 10 }, (_, i) =>
      i === CHUNK_ROWS + 5 ? '2.5' : String(i),
    );
    const importer = createCsvImporter();
    const chunks = importer.push(utf8('n\n' + rows.join('\n') + '\n'));
    const result = importer.finish();
    expect(result.status).toBe('complete');
    expect(chunks.length + (result.status === 'complete' ? result.chunks.length : 0)).toBe(2);
    if (result.status === 'complete') expect(result.schema[0]?.type).toBe('decimal');
  });

  it('asks for a restart with fixed types when a later chunk changes the storage kind', () => {
    const values = Array.from({ length: CHUNK_ROWS + 10 }, (_, i) =>
      i === CHUNK_ROWS + 3 ? 'n/a?' : String(i),
    );
    const text = 'n,b\n' + values.map((v, i) => `${v},${i % 2 === 0}`).join('\n') + '\n';
    const importer = createCsvImporter();
    importer.push(utf8(text));
    const first = importer.finish();
    expect(first.status).toBe('restart');
    if (first.status !== 'restart') return;
    expect(first.restartOptions.columnTypes).toEqual(['string', 'boolean']);
    const { rows, result } = importTable(text, first.restartOptions);
    expect(result.schema.map((c) => c.type)).toEqual(['text', 'boolean']);
    expect(rows[CHUNK_ROWS + 3]?.[0]).toBe('n/a?');
    expect(rows[7]).toEqual(['7', false]);
  });

  it('streams chunks after the first to the same table, whatever the slice size', () => {
    // Over two chunks: quoted line breaks, malformed quotes, ragged and blank lines, forced and
    // inferred types, missing values, a date column meeting datetimes and integers meeting decimals.
    const lines = ['id,n,when,note,flag,code'];
    for (let i = 0; i < 2 * CHUNK_ROWS + 500; i++) {
      const n = i > CHUNK_ROWS + 100 && i % 3 === 0 ? `${i}.5` : i % 11 === 0 ? 'NA' : String(i);
      const when = i < CHUNK_ROWS + 7 ? '2024-01-02' : '2024-01-02T03:04:05Z';
      const note =
        i % 97 === 0
          ? '"two\nlines, ""quoted"""'
          : i % 1001 === 0
            ? '"ab"c"'
            : `w${i % 5 === 0 ? i : i % 13}`;
      let line = `${i},${n},${when},${note},${i % 2 === 0 ? 'yes' : 'no'},0${i % 5}`;
      if (i % 4999 === 1) line += ',extra';
      if (i % 7001 === 2) line = `${i},${n}`;
      lines.push(line);
      if (i % 9000 === 5) lines.push('');
    }
    const text = lines.join('\n') + '\n';
    const options = {
      columnTypes: [undefined, undefined, undefined, undefined, 'boolean', 'string'],
    } as const;
    const whole = importTable(text, options, 1 << 30);
    expect(whole.result.schema.map((c) => c.type)).toEqual([
      'integer',
      'decimal',
      'datetime',
      'text',
      'boolean',
      'category',
    ]);
    expect(whole.result.report.malformedQuotes).toBeGreaterThan(100);
    for (const sliceSize of [1 << 20, 4093]) {
      const sliced = importTable(text, options, sliceSize);
      expect(sliced.result.report).toEqual(whole.result.report);
      // Flattened to strings: a deep comparison of the typed arrays takes seconds.
      expect(flatten(sliced.table)).toEqual(flatten(whole.table));
    }
  });

  it('counts a malformed quote once when a slice ends inside its record', () => {
    // Papa keeps `ab"c` as the field's text (the quote after "ab" is literal) and reports it once.
    const text = 'a,b\n' + '1,x\n'.repeat(20_000) + '2,"ab"c"\n3,y\n';
    const bytes = utf8(text);
    const at = text.indexOf('"ab"c');
    for (let sliceSize = 1; sliceSize <= 12; sliceSize++) {
      const importer = createCsvImporter();
      importer.push(bytes.subarray(0, at));
      for (let i = at; i < bytes.length; i += sliceSize) importer.push(bytes.subarray(i, i + sliceSize));
      const result = importer.finish();
      expect(result.report.malformedQuotes).toBe(1);
    }
    const { rows } = importTable(text, {}, 3);
    expect(rows[20_000]).toEqual([2, 'ab"c']);
  });

  it('names the first column whose storage kind changed in a streamed chunk, by position', () => {
    const lines = ['a,b'];
    for (let i = 0; i < 2 * CHUNK_ROWS; i++) {
      const a = i === CHUNK_ROWS + 60_000 ? 'late' : String(i);
      const b = i === CHUNK_ROWS + 10 ? 'early' : String(i);
      lines.push(`${a},${b}`);
    }
    const importer = createCsvImporter();
    importer.push(utf8(lines.join('\n') + '\n'));
    const result = importer.finish();
    expect(result.status).toBe('restart');
    if (result.status === 'restart')
      expect(result.reason).toBe(`column "a" changed from number to text at row ${CHUNK_ROWS + 1}`);
  });

  it('reports values that do not fit a forced type, with row numbers', () => {
    const { rows, result } = importTable('n\n1\nx\n3\ny\n', { columnTypes: ['integer'] });
    expect(rows.map((r) => r[0])).toEqual([1, null, 3, null]);
    expect(result.report.columns[0]?.rejectedCount).toBe(2);
    expect(result.report.columns[0]?.rejected).toEqual([
      { row: 1, value: 'x' },
      { row: 3, value: 'y' },
    ]);
  });

  it('reports progress in bytes and rows', () => {
    const importer = createCsvImporter();
    const bytes = utf8('a\n' + '1\n'.repeat(100_000));
    importer.push(bytes.subarray(0, 100_000));
    const mid = importer.progress();
    expect(mid.bytesRead).toBe(100_000);
    expect(mid.rowsParsed).toBeGreaterThan(40_000);
    importer.push(bytes.subarray(100_000));
    const result = importer.finish();
    expect(importer.progress().rowsParsed).toBe(100_000);
    expect(result.report.rowCount).toBe(100_000);
  });
});

describe('missingMatcher', () => {
  /** What the matcher was before its first-character filter. */
  function referenceMatcher(tokens: readonly string[]): (value: string) => boolean {
    const set = new Set(tokens);
    const maxLength = Math.max(0, ...tokens.map((t) => t.length));
    return (value) =>
      (value.length <= maxLength && set.has(value)) || (value.charCodeAt(0) <= 32 && value.trim() === '');
  }

  it('agrees with a plain Set lookup plus the whitespace rule, for any tokens and values', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.constantFrom('', ' ', '\t', '\u00a0', 'NA', 'N/A', 'null', 'NULL', '-', '-1', 'ñ', 'n/a', '—'),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.array(text, { maxLength: 20 }), (tokens, values) => {
        const fast = missingMatcher(tokens);
        const reference = referenceMatcher(tokens);
        for (const v of values) expect(fast(v)).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
    const defaults = missingMatcher(DEFAULT_MISSING_TOKENS);
    expect(['', ' ', 'NA', 'N/A', 'null', 'NULL', '-'].every(defaults)).toBe(true);
    expect(['0', '-1', 'na', 'None', 'x'].some(defaults)).toBe(false);
  });
});
