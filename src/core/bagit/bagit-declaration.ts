import type { Finding } from './types';
import { readTagFileLines } from './tag-file-text';

export const BAG_DECLARATION_FILE = 'bagit.txt';

export interface BagDeclaration {
  version: string;
  /** The encoding every other tag file is read with; UTF-8 when the declaration is unreadable. */
  tagFileEncoding: string;
}

export function serializeBagDeclaration(): string {
  return 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
}

const RULE = 'RFC8493 §2.1.1';

/** Checks `bagit.txt`: exactly two lines, in order, version 1.0, and an encoding we can decode. */
export function validateBagDeclaration(bytes: Uint8Array | undefined): {
  declaration: BagDeclaration;
  findings: Finding[];
} {
  const fallback: BagDeclaration = { version: 'unknown', tagFileEncoding: 'utf-8' };
  const file = BAG_DECLARATION_FILE;
  if (!bytes) {
    return {
      declaration: fallback,
      findings: [error('missing-bag-declaration', 'bagit.txt is missing; this is not a bag')],
    };
  }
  const { lines, findings } = readTagFileLines(file, bytes, 'utf-8');
  if (!lines) return { declaration: fallback, findings };

  if (lines.length !== 2) {
    findings.push(
      error('malformed-bag-declaration', `bagit.txt must have exactly 2 lines, found ${lines.length}`),
    );
  }
  const versionMatch = /^BagIt-Version: (\d+)\.(\d+)$/.exec(lines[0] ?? '');
  const encodingMatch = /^Tag-File-Character-Encoding: (\S+)$/.exec(lines[1] ?? '');
  let version = 'unknown';
  if (!versionMatch) {
    findings.push(
      error('malformed-bag-declaration', 'the first line of bagit.txt must be "BagIt-Version: M.N"'),
    );
  } else {
    version = `${versionMatch[1]}.${versionMatch[2]}`;
    if (version === '0.97') {
      findings.push({
        severity: 'warning',
        file,
        rule: RULE,
        code: 'old-bagit-version',
        message: 'BagIt-Version 0.97 predates RFC 8493; validated with the 1.0 rules',
      });
    } else if (version !== '1.0') {
      findings.push(
        error('unsupported-bagit-version', `BagIt-Version ${version} is not supported (expected 1.0)`),
      );
    }
  }
  let tagFileEncoding = 'utf-8';
  if (!encodingMatch?.[1]) {
    findings.push(
      error(
        'malformed-bag-declaration',
        'the second line of bagit.txt must be "Tag-File-Character-Encoding: ENCODING"',
      ),
    );
  } else {
    tagFileEncoding = encodingMatch[1];
    if (tagFileEncoding.toUpperCase() !== 'UTF-8') {
      findings.push({
        severity: 'warning',
        file,
        rule: RULE,
        code: 'non-utf8-tag-files',
        message: `tag files are declared as ${tagFileEncoding}; UTF-8 is recommended`,
      });
    }
  }
  return { declaration: { version, tagFileEncoding }, findings };

  function error(code: string, message: string): Finding {
    return { severity: 'error', file, rule: RULE, code, message };
  }
}
