/**
 * `report:print-pdf`: prints a self-contained report to PDF bytes in a hidden, sandboxed window with
 * JavaScript off. The HTML goes through a private temporary file because a data: URL of a report
 * with inlined charts can exceed what Chromium navigates to.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  isAllowedReportRequest,
  REPORT_PDF_OPTIONS,
  REPORT_PDF_PARTITION,
  toPdfBytes,
} from './report-pdf-policy';

// One report at a time: the report session has one request filter, naming one file.
let printing: Promise<unknown> = Promise.resolve();

export async function renderReportPdf(html: string): Promise<Uint8Array> {
  const run = printing.then(
    async () => printOne(html),
    async () => printOne(html),
  );
  printing = run.catch(() => undefined);
  return run;
}

async function printOne(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'kpo-report-'));
  const file = join(dir, 'report.html');
  const fileUrl = pathToFileURL(file).href;
  const reportSession = session.fromPartition(REPORT_PDF_PARTITION);
  reportSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedReportRequest(details.url, fileUrl) });
  });
  const window = new BrowserWindow({
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: {
      partition: REPORT_PDF_PARTITION,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      plugins: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    await window.loadURL(fileUrl);
    return toPdfBytes(await window.webContents.printToPDF(REPORT_PDF_OPTIONS));
  } finally {
    window.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
