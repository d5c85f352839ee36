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
  if (url === reportFileUrl) return true;
  return url.startsWith('data:image/');
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
