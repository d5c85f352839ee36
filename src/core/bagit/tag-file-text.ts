import type { Finding } from './types';

export interface TagFileLines {
  /** Lines without their terminators; a trailing terminator does not produce an empty last line. */
  lines: string[];
  findings: Finding[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * Decodes a tag file strictly and splits it into lines. Malformed bytes are an error rather than
 * being replaced with U+FFFD, because a silently altered path or label would then fail later with a
 * misleading message. Returns null lines when the text cannot be read at all.
 *
 * The bag declaration MUST NOT have a BOM (RFC 8493 §2.1.1); for other tag files we refuse one too,
 * because it would become part of the first label or checksum and other validators disagree on it.
 */
export function readTagFileLines(
  file: string,
  bytes: Uint8Array,
  encoding: string,
): { lines: string[] | null; findings: Finding[] } {
  const findings: Finding[] = [];
  let body = bytes;
  if (startsWithUtf8Bom(bytes)) {
    findings.push({
      severity: 'error',
      file,
      rule: file === 'bagit.txt' ? 'RFC8493 §2.1.1' : 'RFC8493 §2',
      code: 'byte-order-mark',
      message: `${file} starts with a UTF-8 byte-order mark; tag files must not have one`,
    });
    body = bytes.subarray(UTF8_BOM.length);
  }
  let decode: (input: Uint8Array) => string;
  try {
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    decode = (input) => decoder.decode(input);
  } catch {
    findings.push({
      severity: 'error',
      file,
      rule: 'RFC8493 §2.1.1',
      code: 'unsupported-encoding',
      message: `${file} cannot be read: tag file encoding "${encoding}" is not supported`,
    });
    return { lines: null, findings };
  }
  let text: string;
  try {
    text = decode(body);
  } catch {
    findings.push({
      severity: 'error',
      file,
      rule: 'RFC8493 §2.1.1',
      code: 'invalid-encoding',
      message: `${file} is not valid ${encoding}`,
    });
    return { lines: null, findings };
  }
  const split = splitLines(file, text);
  return { lines: split.lines, findings: [...findings, ...split.findings] };
}

/**
 * CRLF and LF are both accepted (bags are made on Windows and POSIX). A bare CR is accepted as a line
 * end too, as classic Mac tools wrote it, but flagged because many readers will see one long line.
 * Mixing styles within one file is flagged: it usually means the file was edited by hand.
 */
export function splitLines(file: string, text: string): TagFileLines {
  const findings: Finding[] = [];
  const endings = new Set<string>();
  for (const match of text.matchAll(/\r\n|\n|\r/g)) endings.add(match[0]);
  if (endings.size > 1) {
    findings.push({
      severity: 'warning',
      file,
      rule: 'RFC8493 §2',
      code: 'mixed-line-endings',
      message: `${file} mixes line-ending styles (${[...endings].map(describeEnding).join(', ')})`,
    });
  } else if (endings.has('\r')) {
    findings.push({
      severity: 'warning',
      file,
      rule: 'RFC8493 §2',
      code: 'cr-line-endings',
      message: `${file} uses bare CR line endings, which many tools do not read`,
    });
  }
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return { lines, findings };
}

function describeEnding(ending: string): string {
  return ending === '\r\n' ? 'CRLF' : ending === '\n' ? 'LF' : 'CR';
}
