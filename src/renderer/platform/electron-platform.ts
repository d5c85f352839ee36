import type { KpoApi } from '@shared/ipc-contract';
import { pickFiles } from './file-input';
import type { Platform } from './platform';

export function createElectronPlatform(api: KpoApi): Platform {
  return {
    kind: 'electron',
    openFiles: async (options) => api.openFile(options),
    // Electron shows its native dialog for a file input, and the File it yields streams from disk:
    // a multi-gigabyte CSV is never copied whole through IPC or held in memory.
    chooseFilesToStream: async ({ filters, multiple = false }) => pickFiles(filters, multiple),
    saveFile: async (options) => api.saveFile(options),
    chooseSaveTarget: async (options) => {
      const choice = await api.chooseSaveTarget(options);
      if (!choice.chosen) return null;
      return {
        fileName: choice.fileName,
        write: async (data) => {
          await api.writeSaveTarget({ token: choice.token, data });
        },
      };
    },
    printToPdf: async (options) => api.printToPdf(options),
    renderPdf: async (html) => api.renderPdf({ html }),
    openExternal: async (url) => {
      await api.openExternal({ url });
    },
  };
}
