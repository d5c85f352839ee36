import { describe, expect, it } from 'vitest';
import { parseBagInfo } from './bag-info';
import { loadNodeRuntime } from './node-runtime.test-support';
import { splitLines } from './tag-file-text';
import { validateBag } from './validate-bag';

/**
 * Bags written by hand the way other tools (bagit-python, bagit-java, shell scripts) write them,
 * with digests from node:crypto so our hashing is checked against an independent implementation.
 */
const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const node = await loadNodeRuntime();
const hex = (algorithm: string, bytes: Uint8Array): string => node.hashHex(algorithm, bytes);

function handWrittenBag(algorithm: string, eol = '\n'): Map<string, Uint8Array> {
  const payload: [string, Uint8Array][] = [
    ['data/report.md', text('# Report\n')],
    ['data/nested/deeper/values.csv', text('a,b\r\n1,2\r\n')],
    ['data/empty.bin', new Uint8Array(0)],
  ];
  const manifest = payload.map(([path, bytes]) => `${hex(algorithm, bytes)} ${path}${eol}`).join('');
  return new Map([
    ['bagit.txt', text(`BagIt-Version: 1.0${eol}Tag-File-Character-Encoding: UTF-8${eol}`)],
    [
      'bag-info.txt',
      text(
        [
          'Source-Organization: Example University Library',
          'External-Description: A description long enough that the tool that',
          '  wrote it folded it onto a continuation line,',
          '\tand a tab-indented one too.',
          'Payload-Oxum: 19.3',
          'Bagging-Date: 2019-06-30',
          '',
        ].join(eol),
      ),
    ],
    [`manifest-${algorithm}.txt`, text(manifest)],
    ...payload,
  ]);
}

describe('third-party bags', () => {
  it('accepts sha1/sha256/sha512 bags without tag manifests, warning only about weak sha1', () => {
    expect(validateBag(handWrittenBag('sha256'))).toEqual({ valid: true, findings: [] });
    expect(validateBag(handWrittenBag('sha512', '\r\n'))).toEqual({ valid: true, findings: [] });
    const sha1 = validateBag(handWrittenBag('sha1'));
    expect(sha1.valid).toBe(true);
    expect(sha1.findings.map(({ code, severity }) => `${severity}:${code}`)).toEqual([
      'warning:weak-algorithm',
    ]);
  });

  it('accepts an md5 bag with a weak-algorithm warning and still catches a change', () => {
    const bag = handWrittenBag('md5');
    const result = validateBag(bag);
    expect(result.valid).toBe(true);
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'weak-algorithm', file: 'manifest-md5.txt' }),
    ]);
    bag.set('data/report.md', text('# Rep0rt\n'));
    expect(validateBag(bag).findings).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'checksum-mismatch', file: 'data/report.md' }),
    );
  });

  it('checks every payload manifest when a bag has several', () => {
    const bag = handWrittenBag('sha256');
    const other = handWrittenBag('sha512');
    const sha512 = other.get('manifest-sha512.txt')!;
    // Corrupt one sha512 line only: sha256 still matches, so only the sha512 manifest must complain.
    const corrupted = new TextDecoder().decode(sha512).replace(/^[0-9a-f]/, (c) => (c === 'f' ? 'e' : 'f'));
    bag.set('manifest-sha512.txt', text(corrupted));
    const errors = validateBag(bag).findings.filter((finding) => finding.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('manifest-sha512.txt');
  });

  it('parses continuation lines in bag-info.txt', () => {
    const bag = handWrittenBag('sha256');
    const { lines } = splitLines('bag-info.txt', new TextDecoder().decode(bag.get('bag-info.txt')));
    const { entries, findings } = parseBagInfo(lines);
    expect(findings).toEqual([]);
    expect(entries.map(({ label }) => label)).toEqual([
      'Source-Organization',
      'External-Description',
      'Payload-Oxum',
      'Bagging-Date',
    ]);
    expect(entries[1]?.value).toBe(
      'A description long enough that the tool that wrote it folded it onto a continuation line, and a tab-indented one too.',
    );
  });

  it('flags a continuation line with nothing before it and a line without a colon', () => {
    const { findings } = parseBagInfo([' orphan', 'No colon here', 'Payload-Oxum: 1.1', 'payload-oxum: 2.2']);
    expect(findings.map(({ code }) => code)).toEqual([
      'malformed-bag-info',
      'malformed-bag-info',
      'repeated-reserved-label',
    ]);
  });

  it('agrees with sha512sum on our manifest format', () => {
    const bag = handWrittenBag('sha512');
    const manifestLine = new TextDecoder().decode(bag.get('manifest-sha512.txt')).split('\n')[0]!;
    const sha512sum = node.run('sha512sum', ['-'], { input: bag.get('data/report.md')! });
    if (!sha512sum) return; // not installed: the node:crypto comparison above still applies
    expect(manifestLine.split(' ')[0]).toBe(sha512sum.stdout.split(' ')[0]);
  });
});
