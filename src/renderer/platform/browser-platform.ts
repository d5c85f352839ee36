import { parseWebUrl } from '@core/findings';
import { pickFiles } from './file-input';
import type { PickedFile, Platform } from './platform';

/** The same rule Electron's main process applies before shell.openExternal (core/findings parseWebUrl). */
export function isSafeExternalUrl(url: string): boolean {
  return parseWebUrl(url) !== null;
}

/** Browsers save through a download: there is no dialog to cancel, and no path. */
function download(suggestedName: string, data: Uint8Array): void {
  const blob = new Blob([data as Uint8Array<ArrayBuffer>]);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts the download asynchronously from the object URL.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    openFiles: async ({ filters, multiple = false }) => {
      const files = await pickFiles(filters, multiple);
      return Promise.all(
        files.map(async (file): Promise<PickedFile> => ({
          name: file.name,
          data: new Uint8Array(await file.arrayBuffer()),
        })),
      );
    },
    chooseFilesToStream: async ({ filters, multiple = false }) => pickFiles(filters, multiple),
    saveFile: async ({ suggestedName, data }) => {
      download(suggestedName, data);
      return Promise.resolve({ saved: true as const, fileName: suggestedName });
    },
    chooseSaveTarget: async ({ suggestedName }) =>
      Promise.resolve({
        fileName: suggestedName,
        write: async (data: Uint8Array) => {
          download(suggestedName, data);
          return Promise.resolve();
        },
      }),
    printToPdf: async ({ suggestedName }) => {
      const previousTitle = document.title;
      // Browsers use the document title as the PDF file name in the print dialog.
      document.title = suggestedName.replace(/\.pdf$/i, '');
      window.print();
      document.title = previousTitle;
      return Promise.resolve({ saved: false as const });
    },
    // A browser can print only through its dialog, which yields no bytes.
    renderPdf: async () => Promise.resolve(null),
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url))
        return Promise.reject(
          new Error(
            `Refused to open ${url}: only http and https links with a host and no user name or password open.`,
          ),
        );
      window.open(url, '_blank', 'noopener,noreferrer');
      return Promise.resolve();
    },
  };
}
