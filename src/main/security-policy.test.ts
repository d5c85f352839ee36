import { describe, expect, it } from 'vitest';
import {
  decidePermission,
  devServerOrigin,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedRendererUrl,
  parseAllowedExternalUrl,
} from './security-policy';

const DEV = 'http://localhost:5173';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/a/b?c=d#e',
    'https://sub.example.org:8443/x',
    'https://[2001:db8::1]/',
    // Plain http opens too: many public sources are still served that way, and the browser gets no credentials.
    'http://example.com',
    'http://stats.example.gov/table.html?year=2024',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['smb share', 'smb://server/share'],
    ['mailto', 'mailto:a@example.com'],
    ['custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['our own scheme', 'app://kpo/index.html'],
    ['user and password', 'https://user:pw@example.com/'],
    ['http with a password', 'http://user:pw@example.com/'],
    ['http without a host', 'http://'],
    ['ftp', 'ftp://example.com/file'],
    ['user only', 'https://user@example.com/'],
    ['malformed', 'https://'],
    ['not a URL', 'example.com'],
    ['empty', ''],
    ['leading space', ' https://example.com'],
    ['embedded newline', 'https://exa\nmple.com'],
    ['embedded NUL', 'https://example.com/\u0000'],
    ['too long', `https://example.com/${'a'.repeat(2100)}`],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('returns the normalised URL that will be opened', () => {
    expect(parseAllowedExternalUrl('HTTPS://Example.COM/a%20b')?.href).toBe('https://example.com/a%20b');
    expect(parseAllowedExternalUrl('HTTP://Example.COM/')?.href).toBe('http://example.com/');
  });
});

describe('devServerOrigin', () => {
  it('accepts loopback http(s) only', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://[::1]:5173')).toBe('http://[::1]:5173');
    expect(devServerOrigin(undefined)).toBeNull();
    expect(devServerOrigin('')).toBeNull();
    expect(devServerOrigin('http://example.com:5173')).toBeNull();
    expect(devServerOrigin('http://localhost.example.com:5173')).toBeNull();
    expect(devServerOrigin('file:///tmp/index.html')).toBeNull();
    expect(devServerOrigin('http://u:p@localhost:5173')).toBeNull();
  });
});

describe('isTrustedRendererUrl', () => {
  it('trusts app://kpo pages and the bare origin', () => {
    expect(isTrustedRendererUrl('app://kpo/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://kpo/index.html#/tasks/1')).toBe(true);
    expect(isTrustedRendererUrl('app://kpo')).toBe(true);
  });

  it('refuses look-alikes and other origins', () => {
    for (const url of [
      'app://kpo.evil/index.html',
      'app://evil/index.html',
      'app://kpo:1/index.html',
      'app://x@kpo/index.html',
      'apps://kpo/index.html',
      'https://kpo/index.html',
      'file:///work/out/renderer/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      undefined,
      'garbage',
    ]) {
      expect(isTrustedRendererUrl(url), String(url)).toBe(false);
    }
  });

  it('trusts the dev server only when one is given, and only its exact origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedRendererUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isTrustedRendererUrl('http://evil.com/', 'http://evil.com/')).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows reloading the app origin', () => {
    expect(isAllowedNavigation('app://kpo/index.html')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/', DEV)).toBe(true);
  });

  it('denies everything else', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,x',
      'about:blank',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });
});

describe('decidePermission', () => {
  it('allows sanitized clipboard writes from the app', () => {
    expect(decidePermission('clipboard-sanitized-write', 'app://kpo/index.html')).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'app://kpo')).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'http://localhost:5173/', DEV)).toBe(true);
  });

  it('denies sanitized clipboard writes from anywhere else', () => {
    expect(decidePermission('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', undefined)).toBe(false);
  });

  it.each([
    'clipboard-read',
    'media',
    'display-capture',
    'geolocation',
    'notifications',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'fileSystem',
    'persistent-storage',
    'unknown',
  ])('denies %s even to the app', (permission) => {
    expect(decidePermission(permission, 'app://kpo/index.html')).toBe(false);
  });
});
