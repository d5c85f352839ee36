import { describe, expect, it } from 'vitest';
import { kpoApiMethods } from '../shared/ipc-channels';
import { ipcContract, MAX_OPEN_FILE_BYTES, MAX_REPORT_HTML_CHARS } from '../shared/ipc-contract';

const bytes = new Uint8Array([1, 2, 3]);
const accepts = (channel: keyof typeof ipcContract, args: unknown): boolean =>
  ipcContract[channel].safeParse(args).success;

describe('ipc contract registry', () => {
  it('has exactly one schema per window.kpo channel', () => {
    expect(Object.keys(ipcContract).sort()).toEqual(Object.values(kpoApiMethods).sort());
  });

  it('caps dialog reads below what Node can read into one buffer', () => {
    expect(MAX_OPEN_FILE_BYTES).toBeLessThan(2 ** 31);
  });
});

describe('dialog:open-file', () => {
  it.each([
    {},
    { title: 'Open dataset' },
    { multiple: true },
    { filters: [{ name: 'CSV', extensions: ['csv', 'tsv'] }] },
    { filters: [{ name: 'All files', extensions: ['*'] }] },
  ])('accepts %j', (args) => {
    expect(accepts('dialog:open-file', args)).toBe(true);
  });

  it.each([
    ['no arguments', undefined],
    ['unknown key', { path: '/etc/passwd' }],
    ['title too long', { title: 'x'.repeat(201) }],
    ['multiple not boolean', { multiple: 'yes' }],
    ['extension with a dot', { filters: [{ name: 'CSV', extensions: ['.csv'] }] }],
    ['extension with a glob', { filters: [{ name: 'CSV', extensions: ['c*v'] }] }],
    ['no extensions', { filters: [{ name: 'CSV', extensions: [] }] }],
    ['empty filter name', { filters: [{ name: '', extensions: ['csv'] }] }],
    ['too many filters', { filters: Array.from({ length: 11 }, () => ({ name: 'a', extensions: ['a'] })) }],
    ['extra key in a filter', { filters: [{ name: 'CSV', extensions: ['csv'], x: 1 }] }],
  ])('refuses %s', (_name, args) => {
    expect(accepts('dialog:open-file', args)).toBe(false);
  });
});

describe('dialog:save-file', () => {
  it('accepts a bare name with bytes', () => {
    expect(accepts('dialog:save-file', { suggestedName: 'report.pdf', data: bytes })).toBe(true);
    expect(
      accepts('dialog:save-file', {
        suggestedName: '..report',
        data: bytes,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
    ).toBe(true);
  });

  it('accepts a Node Buffer (what IPC may deliver) as bytes', () => {
    expect(accepts('dialog:save-file', { suggestedName: 'a.csv', data: Buffer.from('a,b') })).toBe(true);
  });

  it.each([
    ['a path', { suggestedName: '../../.bashrc', data: bytes }],
    ['an absolute path', { suggestedName: '/etc/passwd', data: bytes }],
    ['a Windows path', { suggestedName: 'C:\\Windows\\x.dll', data: bytes }],
    ['a NUL', { suggestedName: 'a\u0000.pdf', data: bytes }],
    ['dot', { suggestedName: '.', data: bytes }],
    ['dot dot', { suggestedName: '..', data: bytes }],
    ['empty name', { suggestedName: '', data: bytes }],
    ['name too long', { suggestedName: 'a'.repeat(256), data: bytes }],
    ['string data', { suggestedName: 'a.txt', data: 'abc' }],
    ['array data', { suggestedName: 'a.txt', data: [1, 2, 3] }],
    ['ArrayBuffer data', { suggestedName: 'a.txt', data: new ArrayBuffer(3) }],
    ['missing data', { suggestedName: 'a.txt' }],
    ['unknown key', { suggestedName: 'a.txt', data: bytes, path: '/tmp/a.txt' }],
  ])('refuses %s', (_name, args) => {
    expect(accepts('dialog:save-file', args)).toBe(false);
  });
});

describe('dialog:choose-save-target and file:write-save-target', () => {
  const token = '0b5f1f9e-3c1a-4c55-9d7e-2f4b8c1d2e3f';

  it('chooses by a bare name and writes by the token main gave out', () => {
    expect(accepts('dialog:choose-save-target', { suggestedName: 'v1.submission.kpo' })).toBe(true);
    expect(accepts('file:write-save-target', { token, data: bytes })).toBe(true);
  });

  it.each([
    ['a path to choose', 'dialog:choose-save-target', { suggestedName: '../x.kpo' }],
    ['bytes with the choice', 'dialog:choose-save-target', { suggestedName: 'x.kpo', data: bytes }],
    ['a path instead of a token', 'file:write-save-target', { token: '/etc/passwd', data: bytes }],
    ['a path next to the token', 'file:write-save-target', { token, data: bytes, path: '/tmp/x' }],
    ['no bytes', 'file:write-save-target', { token }],
  ] as const)('refuses %s', (_name, channel, args) => {
    expect(accepts(channel, args)).toBe(false);
  });
});

describe('window:print-to-pdf', () => {
  it('accepts a bare name', () => {
    expect(accepts('window:print-to-pdf', { suggestedName: 'deliverable.pdf' })).toBe(true);
  });

  it.each([
    ['a path', { suggestedName: 'out/deliverable.pdf' }],
    ['no name', {}],
    ['page options (not part of the contract)', { suggestedName: 'a.pdf', landscape: true }],
  ])('refuses %s', (_name, args) => {
    expect(accepts('window:print-to-pdf', args)).toBe(false);
  });
});

describe('report:print-pdf', () => {
  it('accepts a whole HTML document', () => {
    expect(accepts('report:print-pdf', { html: '<!DOCTYPE html><html><body>Report</body></html>' })).toBe(
      true,
    );
  });

  it.each([
    ['no html', {}],
    ['empty html', { html: '' }],
    ['a fragment, not a document', { html: '<p>Report</p>' }],
    ['a URL instead of markup', { html: 'https://example.com/report.html' }],
    ['html that is not a string', { html: new Uint8Array([60]) }],
    ['an extra key (e.g. a file path to write)', { html: '<!doctype html>', path: '/tmp/report.pdf' }],
    ['html over the cap', { html: `<!doctype html>${'x'.repeat(MAX_REPORT_HTML_CHARS)}` }],
  ])('refuses %s', (_name, args) => {
    expect(accepts('report:print-pdf', args)).toBe(false);
  });
});

describe('shell:open-external', () => {
  it('accepts any string up to 2048 characters (the allowlist is checked in the handler)', () => {
    expect(accepts('shell:open-external', { url: 'https://example.com' })).toBe(true);
  });

  it.each([
    ['no url', {}],
    ['non-string url', { url: 42 }],
    ['URL object', { url: new URL('https://example.com') }],
    ['too long', { url: `https://example.com/${'a'.repeat(2048)}` }],
    ['extra key', { url: 'https://example.com', options: { activate: true } }],
  ])('refuses %s', (_name, args) => {
    expect(accepts('shell:open-external', args)).toBe(false);
  });
});

describe('app:info', () => {
  it('accepts only an empty object', () => {
    expect(accepts('app:info', {})).toBe(true);
    expect(accepts('app:info', { verbose: true })).toBe(false);
    expect(accepts('app:info', null)).toBe(false);
  });
});
