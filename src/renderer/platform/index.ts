import type { KpoApi } from '@shared/ipc-contract';
import { KPO_API_GLOBAL } from '@shared/ipc-channels';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

export type { Platform, PickedFile, FileFilter, SaveOutcome } from './platform';

function preloadApi(): KpoApi | undefined {
  return (window as unknown as Partial<Record<typeof KPO_API_GLOBAL, KpoApi>>)[KPO_API_GLOBAL];
}

/** Electron's preload exposes `window.kpo`; a plain browser has none, so it gets file inputs and downloads. */
function detectPlatform(): Platform {
  const api = preloadApi();
  return api ? createElectronPlatform(api) : createBrowserPlatform();
}

export const platform: Platform = detectPlatform();
