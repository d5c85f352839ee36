/**
 * Channel names and the `window.kpo` method map, kept free of runtime dependencies because the
 * sandboxed preload bundles this file. Schemas and result types live in `ipc-contract.ts`.
 */
export const kpoApiMethods = {
  openFile: 'dialog:open-file',
  saveFile: 'dialog:save-file',
  printToPdf: 'window:print-to-pdf',
  openExternal: 'shell:open-external',
  appInfo: 'app:info',
} as const;

export type KpoApiMethod = keyof typeof kpoApiMethods;
export type IpcChannel = (typeof kpoApiMethods)[KpoApiMethod];

export const KPO_API_GLOBAL = 'kpo';
