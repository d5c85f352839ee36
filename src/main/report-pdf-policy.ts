/**
 * How a report is printed to PDF off screen: a hidden window (report-pdf.ts; its options are a literal
 * there so the Electron security scan reads them) that runs no script, has no preload, its own
 * in-memory session, and may load nothing but the one report file and inline data: images.
 */
import type { PrintToPDFOptions } from 'electron';

/** A partition without `persist:`: in memory, shares no cookies, cache or storage with the app. */
export const REPORT_PDF_PARTITION = 'kpo-report-pdf';

/** Only the report file itself and its inline images; no network, no other local file. */
export function isAllowedReportRequest(url: string, reportFileUrl: string): boolean {
  if (url.startsWith('data:image/')) return true;
  // Compared as parsed URLs, so Chromium's and Node's spelling of the same file URL agree.
  try {
    const requested = new URL(url);
    const report = new URL(reportFileUrl);
    return (
      requested.protocol === 'file:' &&
      requested.pathname === report.pathname &&
      requested.host === report.host
    );
  } catch {
    return false;
  }
}

/** A4 with the report's own print stylesheet deciding margins (@page). */
export const REPORT_PDF_OPTIONS: PrintToPDFOptions = {
  printBackground: true,
  pageSize: 'A4',
  preferCSSPageSize: true,
};

/** printToPDF bytes are a Node Buffer; IPC carries a plain Uint8Array view of the same memory. */
export function toPdfBytes(buffer: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (bytes.byteLength < 5 || String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') {
    throw new Error('printing produced something that is not a PDF');
  }
  return bytes;
}
