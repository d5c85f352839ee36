import { describe, expect, it } from 'vitest';
import { isWebUrl, parseWebUrl, safeFindingUrl } from './safe-url';

describe('safeFindingUrl', () => {
  it('keeps web, mail, kpo and relative links', () => {
    for (const url of [
      'https://example.com/a?b=c',
      'http://x.org',
      'mailto:a@b.c',
      'kpo:chart/1',
      '#notes',
      'docs/a.md',
    ])
      expect(safeFindingUrl(url)).toBe(url);
  });

  it('drops script and data links however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ])
      expect(safeFindingUrl(url)).toBe('');
  });
});

describe('isWebUrl', () => {
  it('accepts only http and https addresses with a host', () => {
    expect(isWebUrl('https://stats.example.org/report')).toBe(true);
    expect(isWebUrl('http://localhost:8080')).toBe(true);
    expect(isWebUrl('ftp://x.org')).toBe(false);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('example.com')).toBe(false);
  });

  it('refuses credentials, hidden whitespace and overlong addresses, as the browser hand-off does', () => {
    expect(isWebUrl('https://user:pw@example.com/')).toBe(false);
    expect(isWebUrl('http://user@example.com/')).toBe(false);
    expect(isWebUrl('https://exa\nmple.com')).toBe(false);
    expect(isWebUrl(' https://example.com')).toBe(false);
    expect(isWebUrl(`https://example.com/${'a'.repeat(2100)}`)).toBe(false);
    expect(parseWebUrl('HTTP://Example.COM/a')?.href).toBe('http://example.com/a');
  });
});
