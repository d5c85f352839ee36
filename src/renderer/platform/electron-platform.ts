import type { KpoApi } from '@shared/ipc-contract';
import type { Platform } from './platform';

export function createElectronPlatform(api: KpoApi): Platform {
  return {
    kind: 'electron',
    openFiles: async (options) => api.openFile(options),
    saveFile: async (options) => api.saveFile(options),
    printToPdf: async (options) => api.printToPdf(options),
    openExternal: async (url) => {
      await api.openExternal({ url });
    },
  };
}
