import type { Finding } from './types';

export const BAG_INFO_FILE = 'bag-info.txt';

export interface BagInfoEntry {
  label: string;
  value: string;
  /** 1-based line on which the element starts, for messages. */
  line: number;
}

export type BagInfoInput = Readonly<Record<string, string | readonly string[]>>;

const RULE = 'RFC8493 §2.2.2';

/** Labels RFC 8493 §2.2.2 reserves with a single value; repeating them makes their meaning ambiguous. */
const NON_REPEATABLE_LABELS = [
  'payload-oxum',
  'bagging-date',
  'bag-size',
  'bag-group-identifier',
  'bag-count',
];

/**
 * Parses `bag-info.txt` lines. A line starting with space or tab continues the previous value
 * (folded to one space, as other BagIt tools do); anything else must be `Label: value`.
 */
export function parseBagInfo(lines: readonly string[]): { entries: BagInfoEntry[]; findings: Finding[] } {
  const entries: BagInfoEntry[] = [];
  const findings: Finding[] = [];
  const error = (code: string, message: string): void => {
    findings.push({ severity: 'error', file: BAG_INFO_FILE, rule: RULE, code, message });
  };
  lines.forEach((text, index) => {
    const lineNumber = index + 1;
    if (/^[ \t]/.test(text)) {
      const previous = entries.at(-1);
      if (!previous) {
        error('malformed-bag-info', `line ${lineNumber} is a continuation line with nothing to continue`);
        return;
      }
      previous.value = `${previous.value} ${text.trim()}`.trim();
      return;
    }
    if (text === '') {
      error('malformed-bag-info', `line ${lineNumber} is empty; bag-info.txt has no blank lines`);
      return;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) {
      error('malformed-bag-info', `line ${lineNumber} is not "Label: value"`);
      return;
    }
    const label = text.slice(0, colon);
    if (label !== label.trim()) {
      findings.push({
        severity: 'warning',
        file: BAG_INFO_FILE,
        rule: RULE,
        code: 'label-whitespace',
        message: `line ${lineNumber}: label "${label}" has surrounding whitespace`,
      });
    }
    entries.push({ label: label.trim(), value: text.slice(colon + 1).trim(), line: lineNumber });
  });

  for (const reserved of NON_REPEATABLE_LABELS) {
    const matching = entries.filter((entry) => entry.label.toLowerCase() === reserved);
    if (matching.length > 1) {
      findings.push({
        severity: reserved === 'payload-oxum' ? 'error' : 'warning',
        file: BAG_INFO_FILE,
        rule: RULE,
        code: 'repeated-reserved-label',
        message: `${matching[0]?.label ?? reserved} appears ${matching.length} times; it must appear at most once`,
      });
    }
  }
  const baggingDate = entries.find((entry) => entry.label.toLowerCase() === 'bagging-date');
  if (baggingDate && !/^\d{4}-\d{2}-\d{2}$/.test(baggingDate.value)) {
    findings.push({
      severity: 'warning',
      file: BAG_INFO_FILE,
      rule: RULE,
      code: 'malformed-bagging-date',
      message: `Bagging-Date "${baggingDate.value}" is not YYYY-MM-DD`,
    });
  }
  return { entries, findings };
}

export function findBagInfoValues(entries: readonly BagInfoEntry[], label: string): string[] {
  const wanted = label.toLowerCase();
  return entries.filter((entry) => entry.label.toLowerCase() === wanted).map((entry) => entry.value);
}

export class BagInfoError extends Error {
  override name = 'BagInfoError';
}

/**
 * Serialises bag metadata one element per line. Values with line breaks are refused rather than
 * folded, because folding is lossy (readers join continuation lines with a space).
 */
export function serializeBagInfo(entries: readonly (readonly [string, string])[]): string {
  let text = '';
  for (const [label, value] of entries) {
    if (label === '' || label !== label.trim() || /[:\r\n]/.test(label)) {
      throw new BagInfoError(
        `bag-info label "${label}" must be non-empty, unpadded and have no colon or line break`,
      );
    }
    if (/[\r\n]/.test(value)) {
      throw new BagInfoError(`bag-info value for "${label}" must not contain a line break`);
    }
    text += `${label}: ${value.trim()}\n`;
  }
  return text;
}

export function bagInfoInputToEntries(info: BagInfoInput): [string, string][] {
  const entries: [string, string][] = [];
  for (const [label, value] of Object.entries(info)) {
    const values: readonly string[] = typeof value === 'string' ? [value] : value;
    for (const single of values) entries.push([label, single]);
  }
  return entries;
}
