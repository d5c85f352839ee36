import { describe, expect, it } from 'vitest';
import { BagBuildError, buildBag } from './build-bag';
import { validateBag } from './validate-bag';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const read = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

export const KPO_INFO = {
  'Source-Organization': 'Acme Analytics',
  'Contact-Name': 'Ada Analyst',
  'External-Identifier': 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
  'KPO-Package-Kind': 'submission',
  'KPO-Task-Id': 'task-42',
  'KPO-Format-Version': '1',
};
const NOW = new Date('2025-03-04T12:00:00Z');

describe('buildBag', () => {
  const payload = new Map([
    ['data/b.csv', text('x,y\n1,2\n')],
    ['data/a/task.json', text('{"brief":"count"}')],
  ]);

  it('writes the declaration, bag-info with computed Oxum and date, and sorted manifests', () => {
    const bag = buildBag({ payload, info: KPO_INFO, now: NOW });
    expect(read(bag.get('bagit.txt'))).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = read(bag.get('bag-info.txt'));
    expect(info).toContain('KPO-Task-Id: task-42\n');
    expect(info).toContain('Bagging-Date: 2025-03-04\n');
    expect(info).toContain('Payload-Oxum: 25.2\n');
    const manifest = read(bag.get('manifest-sha512.txt')).split('\n');
    expect(manifest[0]).toMatch(/^[0-9a-f]{128} {2}data\/a\/task\.json$/);
    expect(manifest[1]).toMatch(/ {2}data\/b\.csv$/);
    const tagManifest = read(bag.get('tagmanifest-sha512.txt'));
    expect(
      tagManifest
        .trim()
        .split('\n')
        .map((line) => line.split('  ')[1]),
    ).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha512.txt']);
  });

  it('is deterministic for the same input and date', () => {
    const a = buildBag({ payload, info: KPO_INFO, now: NOW });
    const b = buildBag({ payload: new Map([...payload].reverse()), info: KPO_INFO, now: NOW });
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)).toEqual(bytes);
  });

  it('validates clean with several algorithms and extra tag files', () => {
    const bag = buildBag({
      payload,
      info: { ...KPO_INFO, 'Internal-Sender-Description': ['one', 'two'] },
      algorithms: ['sha256', 'sha512'],
      tagFiles: new Map([['meta/notes.txt', text('notes')]]),
      now: NOW,
    });
    expect(bag.has('manifest-sha256.txt') && bag.has('tagmanifest-sha256.txt')).toBe(true);
    expect(read(bag.get('tagmanifest-sha256.txt'))).toContain('  meta/notes.txt\n');
    expect(validateBag(bag)).toEqual({ valid: true, findings: [] });
  });

  it('refuses unsafe or misplaced paths and a caller-supplied Payload-Oxum', () => {
    for (const bad of ['data/../x', '/data/x', 'data\\x', 'other/x', 'data//x', 'data/./x']) {
      expect(() => buildBag({ payload: new Map([[bad, text('')]]), info: {} })).toThrow(BagBuildError);
    }
    expect(() => buildBag({ payload, info: { 'Payload-Oxum': '1.1' } })).toThrow(/Payload-Oxum/);
    expect(() => buildBag({ payload, info: { Note: 'two\nlines' } })).toThrow(/line break/);
  });
});
