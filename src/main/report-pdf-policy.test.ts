import { describe, expect, it } from 'vitest';
import { isAllowedReportRequest, REPORT_PDF_PARTITION, toPdfBytes } from './report-pdf-policy';

const REPORT = 'file:///tmp/kpo-report-abc/report.html';

describe('what the report PDF window may load', () => {
  it('uses an in-memory session of its own', () => {
    expect(REPORT_PDF_PARTITION.startsWith('persist:')).toBe(false);
  });

  it.each([
    [REPORT, true],
    ['file:///tmp/kpo-report-abc/report.html#figure-1', true],
    ['file:///tmp/kpo-report-abc/report.html/../../etc/passwd', false],
    ['not a url', false],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['file:///etc/passwd', false],
    ['file:///tmp/kpo-report-abc/other.html', false],
    ['https://example.com/tracker.png', false],
    ['http://127.0.0.1:5199/', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['app://kpo/index.html', false],
  ])('loads %s: %s', (url, allowed) => {
    expect(isAllowedReportRequest(url, REPORT)).toBe(allowed);
  });
});

describe('toPdfBytes', () => {
  it('passes PDF bytes on as a Uint8Array over the same memory', () => {
    const buffer = Buffer.from('%PDF-1.7\n...');
    const bytes = toPdfBytes(buffer);
    expect(bytes.constructor).toBe(Uint8Array);
    expect(bytes).toEqual(new Uint8Array(buffer));
  });

  it('refuses output that is not a PDF', () => {
    expect(() => toPdfBytes(new Uint8Array([1, 2, 3]))).toThrow(/not a PDF/);
  });
});
