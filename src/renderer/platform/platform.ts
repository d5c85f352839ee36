/**
 * What differs between the Electron desktop app and browser mode. The same renderer build picks one
 * implementation at start-up; features only ever see this interface.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface PickedFile {
  name: string;
  data: Uint8Array;
}

export type SaveOutcome = { saved: true; fileName: string } | { saved: false };

/** Where the user chose to save, with the bytes still to come. */
export interface SaveTarget {
  readonly fileName: string;
  /** Writes the file (once). */
  write(data: Uint8Array): Promise<void>;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Resolves to the chosen files, or an empty list when the user cancels. */
  openFiles(options: { title?: string; filters?: FileFilter[]; multiple?: boolean }): Promise<PickedFile[]>;
  /**
   * Files to read as streams (File.stream()), for inputs too large to hold in memory such as CSV
   * imports. Resolves to the chosen files, or an empty list when the user cancels.
   */
  chooseFilesToStream(options: {
    title?: string;
    filters?: FileFilter[];
    multiple?: boolean;
  }): Promise<File[]>;
  saveFile(options: {
    suggestedName: string;
    filters?: FileFilter[];
    data: Uint8Array;
  }): Promise<SaveOutcome>;
  /**
   * Asks where to save without saving yet, for a caller that must record what it saves first: null
   * when the user cancels. Browser mode has no dialog to ask in: its target downloads on write.
   */
  chooseSaveTarget(options: { suggestedName: string; filters?: FileFilter[] }): Promise<SaveTarget | null>;
  /** Electron writes a PDF of the current window; a browser opens its print dialog (print stylesheet). */
  printToPdf(options: { suggestedName: string }): Promise<SaveOutcome>;
  /**
   * PDF bytes of a self-contained HTML document, printed off screen (Electron); null where no PDF
   * renderer exists (browser mode), so callers ship the HTML alone.
   */
  renderPdf(html: string): Promise<Uint8Array | null>;
  openExternal(url: string): Promise<void>;
}
