import { describe, expect, it } from 'vitest';
import { buildBag } from './build-bag';
import type { BagFiles, Finding } from './types';
import { validateBag } from './validate-bag';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const read = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

const INFO = {
  'Source-Organization': 'Acme Analytics',
  'Contact-Name': 'Ada Analyst',
  'External-Identifier': 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
  'KPO-Package-Kind': 'submission',
  'KPO-Task-Id': 'task-42',
  'KPO-Format-Version': '1',
};

function sampleBag(): Map<string, Uint8Array> {
  return buildBag({
    payload: new Map([
      ['data/datasets/sales.csv', text('region,total\nnorth,12\nsouth,7\n')],
      ['data/task.json', text('{"brief":"totals per region"}')],
    ]),
    info: INFO,
    now: new Date('2025-01-02T00:00:00Z'),
  });
}

function errorsOf(bag: BagFiles): Pick<Finding, 'file' | 'code'>[] {
  return validateBag(bag)
    .findings.filter((finding) => finding.severity === 'error')
    .map(({ file, code }) => ({ file, code }));
}

function codesOf(bag: BagFiles): string[] {
  return validateBag(bag).findings.map((finding) => `${finding.severity}:${finding.code}`);
}

/** Rewrites one tag file's text, as an attacker editing the unzipped bag would. */
function edit(bag: Map<string, Uint8Array>, file: string, change: (content: string) => string): void {
  bag.set(file, text(change(read(bag.get(file)))));
}

describe('validateBag on tampered bags', () => {
  it('accepts the untouched bag', () => {
    expect(validateBag(sampleBag())).toEqual({ valid: true, findings: [] });
  });

  it('names the payload file whose byte changed', () => {
    const bag = sampleBag();
    const csv = bag.get('data/datasets/sales.csv')!.slice();
    csv[0] = csv[0]! ^ 1;
    bag.set('data/datasets/sales.csv', csv);
    expect(errorsOf(bag)).toEqual([{ file: 'data/datasets/sales.csv', code: 'checksum-mismatch' }]);
  });

  it('catches an edited bag-info.txt through the tag manifest', () => {
    const bag = sampleBag();
    edit(bag, 'bag-info.txt', (content) => content.replace('task-42', 'task-43'));
    expect(errorsOf(bag)).toEqual([{ file: 'bag-info.txt', code: 'checksum-mismatch' }]);
  });

  it('catches an edited manifest twice: the line no longer matches and the tag manifest fails', () => {
    const bag = sampleBag();
    edit(bag, 'manifest-sha512.txt', (content) => content.replace(/^./, (c) => (c === '0' ? '1' : '0')));
    expect(errorsOf(bag)).toEqual([
      { file: 'data/datasets/sales.csv', code: 'checksum-mismatch' },
      { file: 'manifest-sha512.txt', code: 'checksum-mismatch' },
    ]);
  });

  it('reports an added, a removed and a renamed payload file', () => {
    const added = sampleBag();
    added.set('data/extra.txt', text('smuggled'));
    expect(errorsOf(added)).toEqual([
      { file: 'data/extra.txt', code: 'unlisted-payload-file' },
      { file: 'bag-info.txt', code: 'payload-oxum-mismatch' },
    ]);

    const removed = sampleBag();
    removed.delete('data/task.json');
    expect(errorsOf(removed)).toEqual([
      { file: 'data/task.json', code: 'missing-payload-file' },
      { file: 'bag-info.txt', code: 'payload-oxum-mismatch' },
    ]);

    const renamed = sampleBag();
    renamed.set('data/brief.json', renamed.get('data/task.json')!);
    renamed.delete('data/task.json');
    expect(errorsOf(renamed)).toEqual([
      { file: 'data/task.json', code: 'missing-payload-file' },
      { file: 'data/brief.json', code: 'unlisted-payload-file' },
    ]);
  });

  it('refuses manifest lines pointing outside the bag', () => {
    for (const [path, code] of [
      ['../x', 'path-traversal'],
      ['data/../../x', 'path-traversal'],
      ['/etc/passwd', 'absolute-path'],
      ['C:/x', 'absolute-path'],
      ['data\\x', 'backslash-in-path'],
    ] as const) {
      const bag = sampleBag();
      edit(bag, 'manifest-sha512.txt', (content) => `${content}${'0'.repeat(128)}  ${path}\n`);
      expect(errorsOf(bag)).toContainEqual({ file: 'manifest-sha512.txt', code });
    }
  });

  it('refuses a manifest entry outside data/ and a tag manifest listing payload', () => {
    const bag = sampleBag();
    edit(bag, 'manifest-sha512.txt', (content) => `${content}${'0'.repeat(128)}  bagit.txt\n`);
    edit(bag, 'tagmanifest-sha512.txt', (content) => `${content}${'0'.repeat(128)}  data/task.json\n`);
    const codes = codesOf(bag);
    expect(codes).toContain('error:manifest-lists-non-payload');
    expect(codes).toContain('error:tag-manifest-lists-payload');
  });

  it('reports a wrong Payload-Oxum', () => {
    const bag = sampleBag();
    edit(bag, 'bag-info.txt', (content) => content.replace(/Payload-Oxum: .*/, 'Payload-Oxum: 999.2'));
    bag.delete('tagmanifest-sha512.txt');
    expect(errorsOf(bag)).toEqual([{ file: 'bag-info.txt', code: 'payload-oxum-mismatch' }]);
  });

  it('refuses fetch.txt', () => {
    const bag = sampleBag();
    bag.set('fetch.txt', text('https://example.org/x 10 data/x\n'));
    const fetch = validateBag(bag).findings.find((finding) => finding.code === 'fetch-not-supported');
    expect(fetch).toMatchObject({ severity: 'error', file: 'fetch.txt' });
    expect(fetch?.message).toContain('not complete offline');
  });

  it('refuses duplicate manifest entries', () => {
    const bag = sampleBag();
    edit(bag, 'manifest-sha512.txt', (content) => content + content.split('\n')[0]! + '\n');
    expect(errorsOf(bag)).toContainEqual({ file: 'manifest-sha512.txt', code: 'duplicate-manifest-entry' });
  });

  it('refuses a BOM in bagit.txt, and invalid UTF-8', () => {
    const bag = sampleBag();
    bag.set('bagit.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...bag.get('bagit.txt')!]));
    bag.set('bag-info.txt', new Uint8Array([...bag.get('bag-info.txt')!, 0xc3, 0x28, 0x0a]));
    expect(errorsOf(bag)).toEqual(
      expect.arrayContaining([
        { file: 'bagit.txt', code: 'byte-order-mark' },
        { file: 'bag-info.txt', code: 'invalid-encoding' },
      ]),
    );
  });

  it('checks the bag declaration format and version', () => {
    const bag = sampleBag();
    bag.delete('tagmanifest-sha512.txt');
    bag.set('bagit.txt', text('BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n'));
    expect(codesOf(bag)).toEqual(['warning:old-bagit-version']);
    bag.set('bagit.txt', text('BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n'));
    expect(errorsOf(bag)).toEqual([{ file: 'bagit.txt', code: 'unsupported-bagit-version' }]);
    bag.set('bagit.txt', text('BagIt-Version:1.0\nTag-File-Character-Encoding: UTF-8\nExtra: 1\n'));
    expect(errorsOf(bag).map(({ code }) => code)).toEqual([
      'malformed-bag-declaration',
      'malformed-bag-declaration',
    ]);
    bag.delete('bagit.txt');
    expect(errorsOf(bag)).toEqual([{ file: 'bagit.txt', code: 'missing-bag-declaration' }]);
  });

  it('warns about mixed line endings and bare CR', () => {
    const bag = sampleBag();
    bag.delete('tagmanifest-sha512.txt');
    edit(bag, 'bag-info.txt', (content) => content.replace('\n', '\r\n'));
    edit(bag, 'manifest-sha512.txt', (content) => content.replaceAll('\n', '\r'));
    expect(codesOf(bag)).toEqual(['warning:cr-line-endings', 'warning:mixed-line-endings']);
  });

  it('requires at least one payload manifest it can check', () => {
    const bag = sampleBag();
    bag.set('manifest-blake3.txt', bag.get('manifest-sha512.txt')!);
    bag.delete('manifest-sha512.txt');
    bag.delete('tagmanifest-sha512.txt');
    expect(codesOf(bag)).toEqual(['warning:unsupported-algorithm', 'error:no-payload-manifest']);
  });

  it('allows the detached tag-manifest signature unlisted, but warns about other stray tag files', () => {
    const bag = sampleBag();
    bag.set('tagmanifest-sha512.txt.minisig', text('untrusted comment: x\n'));
    expect(validateBag(bag).findings).toEqual([]);
    bag.set('notes.txt', text('hello'));
    bag.set('manifest-sha512.txt.minisig', text('not next to a tag manifest'));
    expect(codesOf(bag)).toEqual(['warning:unlisted-tag-file', 'warning:unlisted-tag-file']);
    expect(validateBag(bag).valid).toBe(true);
  });

  it('refuses unsafe paths in the file map itself (a hostile directory or zip)', () => {
    const bag = sampleBag();
    bag.set('data/../../evil', text('x'));
    expect(errorsOf(bag)).toContainEqual({ file: 'data/../../evil', code: 'path-traversal' });
  });
});

describe('percent-encoded names', () => {
  it('round-trips a payload name with a literal %, CR and LF', () => {
    const name = 'data/100% sure\nreally\r.txt';
    const bag = buildBag({ payload: new Map([[name, text('odd')]]), info: INFO });
    expect(read(bag.get('manifest-sha512.txt'))).toContain('  data/100%25 sure%0Areally%0D.txt\n');
    expect(validateBag(bag)).toEqual({ valid: true, findings: [] });
  });

  it('treats other %xx sequences as literal characters', () => {
    const name = 'data/a%20b.txt';
    const bag = buildBag({ payload: new Map([[name, text('x')]]), info: INFO });
    expect(read(bag.get('manifest-sha512.txt'))).toContain('  data/a%2520b.txt\n');
    expect(validateBag(bag).valid).toBe(true);
  });
});
