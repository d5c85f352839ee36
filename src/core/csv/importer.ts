/**
 * The streaming CSV importer: bytes in, typed columnar chunks out.
 *
 *   const importer = createCsvImporter(options);
 *   for await (const bytes of file.stream()) {            // in a Web Worker
 *     for (const chunk of importer.push(bytes)) await storePending(chunk);
 *     postProgress(importer.progress());                  // cancel = stop pushing; nothing to free
 *   }
 *   const result = importer.finish();                     // may also return final chunks
 *
 * Type strategy — optimistic single pass, second pass only when needed:
 * the first CHUNK_ROWS records are inferred as a whole and then encoded, so the first chunk's
 * types settle over all of its rows. Every later chunk streams: each few thousand records (one
 * parsed piece of text) are inferred and encoded at once into the chunk's typed arrays, so
 * the parser's strings die young instead of living (and being promoted) for a whole chunk.
 * Most later type changes need no re-encoding because they keep the storage kind
 * (integer→decimal share Float64Array, date→datetime share epoch ms, text↔category share
 * dictionary codes): those are relabelled in the final schema. If a later batch changes a column's storage kind (e.g. a number column
 * meets "n/a?" after 70,000 rows), the importer stops encoding, keeps inferring to learn every
 * final type, and `finish()` returns `{ status: 'restart', restartOptions }`: the caller discards
 * the chunks and streams the file once more with all types fixed. The common case costs one
 * parse; the worst case two, and it never holds the whole file as strings, nor a second copy.
 */
import { CHUNK_ROWS, encodingKindOf } from '../table/types';
import { createRawColumnEncoder } from '../table/chunk';
import { DEFAULT_MISSING_TOKENS } from '../table/values';
import type { ColumnSchema, ColumnType, EncodingKind, TableChunk } from '../table/types';
import type { RawColumnEncoder, RejectedValue } from '../table/chunk';
import { CsvImportError } from './errors';
import { SNIFF_BYTES, createStreamingDecoder } from './decode';
import type { CsvEncoding, EncodingDecision } from './decode';
import { detectDelimiter, detectNewline, papaParse } from './sniff';
import type { CsvDelimiter, CsvNewline } from './sniff';
import { normaliseHeaders } from './headers';
import type { HeaderNotice } from './headers';
import { countLineBreaks, recordStartLines } from './lines';
import {
  finalType,
  inferRecords,
  inferRecordsInto,
  isCategory,
  missingMatcher,
  newColumnInference,
  noteDistinct,
  typeFromMask,
} from './infer';
import type { ColumnInference } from './infer';

/** A forced column type; 'string' means "text or category, decided by cardinality". */
export type ColumnTypeHint = ColumnType | 'string';

export interface CsvImportOptions {
  readonly encoding?: CsvEncoding;
  readonly delimiter?: CsvDelimiter;
  /** Default true. */
  readonly hasHeader?: boolean;
  /** Default DEFAULT_MISSING_TOKENS: '', NA, N/A, null, NULL, -. Whitespace-only cells are always missing. */
  readonly missingTokens?: readonly string[];
  /** Forced types by column position; values that do not fit become missing and are reported. */
  readonly columnTypes?: readonly (ColumnTypeHint | undefined)[];
  /** How many ragged rows / rejected values to list (all are counted). Default 100. */
  readonly maxListed?: number;
  /** A single record longer than this (in characters) is refused. Default 16 Mi. */
  readonly maxRecordChars?: number;
}

export interface CsvImportProgress {
  readonly bytesRead: number;
  readonly rowsParsed: number;
  readonly chunksEmitted: number;
}

export interface RaggedRow {
  /** 1-based file line where the record starts. */
  readonly line: number;
  /** 0-based data row index. */
  readonly row: number;
  readonly expected: number;
  readonly actual: number;
}

export interface ImportedColumnReport {
  readonly name: string;
  readonly inferredType: ColumnType;
  readonly type: ColumnType;
  readonly present: number;
  readonly missing: number;
  /** Present values that did not fit a forced type and were stored as missing. */
  readonly rejectedCount: number;
  readonly rejected: readonly RejectedValue[];
}

export interface CsvImportReport {
  readonly encoding: EncodingDecision;
  readonly delimiter: { readonly value: CsvDelimiter; readonly detected: boolean };
  readonly newline: CsvNewline;
  readonly hasHeader: boolean;
  readonly rowCount: number;
  readonly bytesRead: number;
  readonly columns: readonly ImportedColumnReport[];
  readonly headerNotices: readonly HeaderNotice[];
  readonly ragged: {
    readonly count: number;
    readonly padded: number;
    readonly truncated: number;
    readonly listed: readonly RaggedRow[];
  };
  readonly blankLinesSkipped: number;
  /** Quotes Papa had to treat as literal text (e.g. `"ab"c`); the data was kept. */
  readonly malformedQuotes: number;
  /** The cell texts read as missing (whitespace-only cells always are); absent in reports stored before it was kept. */
  readonly missingTokens?: readonly string[];
}

export type CsvImportResult =
  | {
      readonly status: 'complete';
      readonly schema: ColumnSchema[];
      /** Chunks flushed by finish() (the last, partial one). */
      readonly chunks: TableChunk[];
      readonly report: CsvImportReport;
    }
  | {
      readonly status: 'restart';
      /** Why the chunks emitted so far are unusable. */
      readonly reason: string;
      /** Stream the whole file again through createCsvImporter(restartOptions). */
      readonly restartOptions: CsvImportOptions;
      readonly report: CsvImportReport;
    };

export interface CsvImporter {
  /** Feeds the next bytes; returns the chunks completed by them (usually none or one). */
  push(bytes: Uint8Array): TableChunk[];
  finish(): CsvImportResult;
  progress(): CsvImportProgress;
}

const DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * Papa is fed whole lines about this long at a time: the strings and arrays it makes for a piece
 * (a few thousand records) are encoded and dropped before the young generation fills up.
 */
const PARSE_PIECE_CHARS = 256 * 1024;

interface ColumnState {
  readonly inference: ColumnInference;
  readonly hint: ColumnTypeHint | undefined;
  /** Storage kind used by the chunks emitted so far, if any. */
  emittedKind: EncodingKind | undefined;
  rejectedCount: number;
  readonly rejected: RejectedValue[];
}

export function createCsvImporter(options: CsvImportOptions = {}): CsvImporter {
  const hasHeader = options.hasHeader ?? true;
  const maxListed = options.maxListed ?? 100;
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const isMissing = missingMatcher(options.missingTokens ?? DEFAULT_MISSING_TOKENS);
  const decoder = createStreamingDecoder(options.encoding);

  let sniffBuffer: Uint8Array[] = [];
  let sniffBytes = 0;
  let started = false;
  let finished = false;

  let delimiter: CsvDelimiter = options.delimiter ?? ',';
  let newline: CsvNewline = '\n';
  let pending = '';
  /** 1-based file line of the first character of `pending`. */
  let pendingLine = 1;

  let bytesRead = 0;
  let rowsParsed = 0;
  let chunksEmitted = 0;
  let blankLinesSkipped = 0;
  let malformedQuotes = 0;

  let names: string[] | undefined;
  let headerNotices: HeaderNotice[] = [];
  let columns: ColumnState[] = [];
  /** Chunk 0's records, row-major as Papa made them; unused once `streaming`. */
  let batch: (readonly string[])[] = [];
  /** Rows of the chunk being built (in `batch`, or encoded or queued when streaming). */
  let batchRows = 0;
  let restartReason: string | undefined;
  /** After chunk 0: records are encoded as they come, a parsed piece at a time. */
  let streaming = false;
  let encoders: RawColumnEncoder[] = [];
  /** Accepted records not encoded yet (row-major, as Papa made them). */
  const queue: string[][] = [];
  /** A column's storage kind changed in the chunk being streamed: it will not be emitted. */
  let chunkBroken = false;

  let raggedCount = 0;
  let padded = 0;
  let truncated = 0;
  const raggedListed: RaggedRow[] = [];

  const setColumns = (header: readonly string[], fromHeader: boolean): void => {
    if (fromHeader) {
      const normalised = normaliseHeaders(header);
      names = normalised.names;
      headerNotices = normalised.notices;
    } else {
      names = header.map((_, i) => `column_${i + 1}`);
    }
    columns = names.map((_, i) => ({
      inference: newColumnInference(),
      hint: options.columnTypes?.[i],
      emittedKind: undefined,
      rejectedCount: 0,
      rejected: [],
    }));
    batch = [];
  };

  const provisionalType = (col: ColumnState): ColumnType => {
    const hint = col.hint;
    if (hint !== undefined) return hint === 'string' ? 'text' : hint;
    // A column with nothing but missing values so far is stored as text: sparse free-text
    // columns are the common case, and a later number would need a restart either way.
    if (col.inference.present === 0) return 'text';
    const t = typeFromMask(col.inference.mask);
    return t === 'string' ? 'text' : t;
  };

  const flushBatch = (): TableChunk[] => {
    if (batchRows === 0) return [];
    const rowStart = rowsParsed - batchRows;
    const encoded = columns.map((col, c) => {
      // Inferred columns are checked value by value here, so encoding may skip re-validation.
      const inferred = col.hint === undefined || col.hint === 'string';
      if (inferred) inferRecords(col.inference, batch, batchRows, c, isMissing);
      if (restartReason !== undefined) return undefined;
      restartReason = kindChangeReason(c, rowStart);
      if (restartReason !== undefined) return undefined;
      const type = provisionalType(col);
      col.emittedKind = encodingKindOf(type);
      // The same encoder as the streamed chunks, sized to this chunk's rows.
      const encoder = createRawColumnEncoder(
        col.emittedKind,
        isMissing,
        rowStart,
        maxListed - col.rejected.length,
        inferred,
        batchRows,
      );
      encoder.append(batch, batchRows, c, type);
      const result = encoder.finish();
      if (result.column.kind === 'string') noteDistinct(col.inference, result.column.dictionary);
      col.rejectedCount += result.rejectedCount;
      col.rejected.push(...result.rejected);
      return result.column;
    });
    const rowCount = batchRows;
    batchRows = 0;
    // The strings of the flushed batch become garbage now; later chunks stream.
    batch = [];
    streaming = true;
    if (restartReason !== undefined) return [];
    const chunk: TableChunk = {
      index: chunksEmitted,
      rowCount,
      columns: encoded.filter((col) => col !== undefined),
    };
    chunksEmitted++;
    return [chunk];
  };

  const kindChangeReason = (c: number, rowStart: number): string | undefined => {
    const col = columns[c];
    if (col === undefined) return undefined;
    const type = provisionalType(col);
    const kind = encodingKindOf(type);
    if (col.emittedKind === undefined || col.emittedKind === kind) return undefined;
    return `column "${names?.[c] ?? c}" changed from ${col.emittedKind} to ${type} at row ${rowStart + 1}`;
  };

  /** Infers and encodes the queued records into the streamed chunk. */
  const encodeQueued = (): void => {
    const count = queue.length;
    if (count === 0) return;
    const rowStart = rowsParsed - batchRows;
    if (encoders.length === 0 && restartReason === undefined && !chunkBroken) {
      encoders = columns.map((col) =>
        createRawColumnEncoder(
          col.emittedKind ?? 'string',
          isMissing,
          rowStart,
          maxListed - col.rejected.length,
          // Inferred columns were just checked value by value, so encoding may skip re-validation.
          col.hint === undefined || col.hint === 'string',
        ),
      );
    }
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c];
      if (col === undefined) continue;
      const inferred = col.hint === undefined || col.hint === 'string';
      const appendStored = encoders[c]?.appendStored;
      if (inferred && appendStored !== undefined && restartReason === undefined && !chunkBroken) {
        // Number and time columns: each value is parsed once, for its type and its stored value.
        appendStored(count, (values, at) => {
          inferRecordsInto(col.inference, queue, count, c, isMissing, values, at);
        });
        if (kindChangeReason(c, rowStart) !== undefined) chunkBroken = true;
        continue;
      }
      if (inferred) inferRecords(col.inference, queue, count, c, isMissing);
      if (restartReason !== undefined || chunkBroken) continue;
      if (kindChangeReason(c, rowStart) !== undefined) {
        // Not encoded any further; the chunk's end names the column, as a whole-chunk check would.
        chunkBroken = true;
        continue;
      }
      encoders[c]?.append(queue, count, c, provisionalType(col));
    }
    queue.length = 0;
  };

  const flushStream = (): TableChunk[] => {
    encodeQueued();
    if (batchRows === 0) return [];
    const rowStart = rowsParsed - batchRows;
    const rowCount = batchRows;
    batchRows = 0;
    if (chunkBroken && restartReason === undefined) {
      for (let c = 0; c < columns.length && restartReason === undefined; c++)
        restartReason = kindChangeReason(c, rowStart);
    }
    chunkBroken = false;
    const done = encoders;
    encoders = [];
    if (restartReason !== undefined) return [];
    const encoded = columns.map((col, c) => {
      const encoder = done[c];
      if (encoder === undefined) throw new Error(`no encoder for column ${c}`);
      const result = encoder.finish();
      if (result.column.kind === 'string') noteDistinct(col.inference, result.column.dictionary);
      col.rejectedCount += result.rejectedCount;
      col.rejected.push(...result.rejected);
      return result.column;
    });
    const chunk: TableChunk = { index: chunksEmitted, rowCount, columns: encoded };
    chunksEmitted++;
    return [chunk];
  };

  const acceptRecords = (records: string[][], consumed: string, isLast: boolean): TableChunk[] => {
    const out: TableChunk[] = [];
    let lineStarts: number[] | undefined;
    const lineOf = (r: number): number => {
      // Records start one line apart unless one spans lines (quoted line break) — then scan.
      if (lineStarts === undefined) {
        lineStarts = consumed.includes('"') ? recordStartLines(consumed, delimiter, newline) : [];
      }
      return pendingLine + (lineStarts.length > 0 ? (lineStarts[r] ?? r) : r);
    };
    for (let r = 0; r < records.length; r++) {
      const record = records[r] ?? [];
      if (record.length === 1 && record[0] === '') {
        // The empty "record" after the file's final line break is not a blank line.
        if (!(isLast && r === records.length - 1)) blankLinesSkipped++;
        continue;
      }
      if (names === undefined) {
        setColumns(record, hasHeader);
        if (hasHeader) continue;
      }
      const width = columns.length;
      if (record.length !== width) {
        raggedCount++;
        if (record.length < width) padded++;
        else truncated++;
        if (raggedListed.length < maxListed)
          raggedListed.push({ line: lineOf(r), row: rowsParsed, expected: width, actual: record.length });
      }
      if (streaming) {
        queue.push(record);
        batchRows++;
        rowsParsed++;
        if (batchRows === CHUNK_ROWS) out.push(...flushStream());
        continue;
      }
      batch.push(record);
      batchRows++;
      rowsParsed++;
      if (batchRows === CHUNK_ROWS) out.push(...flushBatch());
    }
    encodeQueued();
    return out;
  };

  /** Parses `text` (a prefix of `pending`, or all of it), accepts its complete records and drops them from `pending`. */
  const parseText = (text: string, isLast: boolean, out: TableChunk[]): number => {
    const result = papaParse(text, delimiter, newline, !isLast);
    for (const error of result.errors) {
      if (error.code === 'MissingQuotes') {
        const line = pendingLine + countLineBreaks(text, newline, Math.max(0, error.index - 1));
        throw new CsvImportError(
          'unterminated-quote',
          `A quoted field opened on line ${line} is never closed.`,
          line,
        );
      }
      // An error in the incomplete last record (left for the next parse) is counted when that
      // record is parsed whole, not twice.
      if (error.code === 'InvalidQuotes' && (isLast || error.row < result.data.length)) malformedQuotes++;
    }
    const cursor = isLast ? text.length : result.meta.cursor;
    const consumed = text.slice(0, cursor);
    out.push(...acceptRecords(result.data, consumed, isLast));
    pendingLine += countLineBreaks(consumed, newline);
    pending = pending.slice(cursor);
    return cursor;
  };

  const parsePending = (isLast: boolean): TableChunk[] => {
    const chunks: TableChunk[] = [];
    while (pending.length > 2 * PARSE_PIECE_CHARS) {
      const cut = pending.lastIndexOf(newline, PARSE_PIECE_CHARS);
      // No complete record in the piece (one spans it): parse it with the rest.
      if (cut <= 0 || parseText(pending.slice(0, cut + newline.length), false, chunks) === 0) break;
    }
    parseText(pending, isLast, chunks);
    if (!isLast && pending.length > maxRecordChars) refuseHugeRecord();
    return chunks;
  };

  const refuseHugeRecord = (): never => {
    // The usual cause is a quote that never closes, swallowing the rest of the file.
    const probe = papaParse(pending, delimiter, newline, false);
    const missing = probe.errors.find((e) => e.code === 'MissingQuotes');
    if (missing !== undefined) {
      const line = pendingLine + countLineBreaks(pending, newline, Math.max(0, missing.index - 1));
      throw new CsvImportError(
        'unterminated-quote',
        `A quoted field opened on line ${line} is not closed within ${maxRecordChars} characters.`,
        line,
      );
    }
    throw new CsvImportError(
      'record-too-large',
      `The record starting on line ${pendingLine} is too large.`,
      pendingLine,
    );
  };

  const start = (isWholeFile: boolean): TableChunk[] => {
    started = true;
    const bytes = concat(sniffBuffer, sniffBytes);
    sniffBuffer = [];
    if (bytes.length === 0) throw new CsvImportError('empty-file', 'The file is empty.');
    pending = decoder.decode(bytes);
    if (isWholeFile) pending += decoder.finish();
    if (pending.trim() === '') throw new CsvImportError('empty-file', 'The file contains no data.');
    newline = detectNewline(pending);
    if (options.delimiter === undefined) delimiter = detectDelimiter(pending, newline, isWholeFile);
    return isWholeFile ? [] : parsePending(false);
  };

  const report = (): CsvImportReport => ({
    encoding: decoder.decision(),
    delimiter: { value: delimiter, detected: options.delimiter === undefined },
    newline,
    hasHeader,
    rowCount: rowsParsed,
    bytesRead,
    columns: columns.map((col, c) => {
      const inferredType = finalType(col.inference);
      return {
        name: names?.[c] ?? `column_${c + 1}`,
        inferredType,
        type: schemaType(col),
        present: col.inference.present,
        missing: col.inference.missing,
        rejectedCount: col.rejectedCount,
        rejected: col.rejected,
      };
    }),
    headerNotices,
    ragged: { count: raggedCount, padded, truncated, listed: raggedListed },
    blankLinesSkipped,
    malformedQuotes,
    missingTokens: [...(options.missingTokens ?? DEFAULT_MISSING_TOKENS)],
  });

  const schemaType = (col: ColumnState): ColumnType => {
    if (col.hint === undefined) return finalType(col.inference);
    if (col.hint !== 'string') return col.hint;
    return isCategory(col.inference.present, col.inference.distinct?.size) ? 'category' : 'text';
  };

  return {
    push(bytes) {
      if (finished) throw new Error('push() after finish()');
      bytesRead += bytes.length;
      if (!started) {
        sniffBuffer.push(bytes);
        sniffBytes += bytes.length;
        return sniffBytes >= SNIFF_BYTES ? start(false) : [];
      }
      pending += decoder.decode(bytes);
      return parsePending(false);
    },
    finish() {
      if (finished) throw new Error('finish() called twice');
      finished = true;
      let chunks: TableChunk[];
      if (!started) chunks = start(true);
      else {
        pending += decoder.finish();
        chunks = [];
      }
      chunks.push(...parsePending(true));
      if (names === undefined) throw new CsvImportError('no-columns', 'The file has no header or data rows.');
      chunks.push(...(streaming ? flushStream() : flushBatch()));
      const finalReport = report();
      if (restartReason !== undefined) {
        return {
          status: 'restart',
          reason: restartReason,
          report: finalReport,
          restartOptions: {
            ...options,
            encoding: finalReport.encoding.encoding,
            delimiter,
            columnTypes: columns.map((col) => {
              if (col.hint !== undefined) return col.hint;
              const t = finalType(col.inference);
              return t === 'text' || t === 'category' ? 'string' : t;
            }),
          },
        };
      }
      const schema = finalReport.columns.map((col) => ({ name: col.name, type: col.type }));
      return { status: 'complete', schema, chunks, report: finalReport };
    },
    progress: () => ({ bytesRead, rowsParsed, chunksEmitted }),
  };
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
