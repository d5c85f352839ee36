import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

export type { Platform, PickedFile, FileFilter, SaveOutcome } from './platform';

/** Electron's preload exposes `window.kpo`; a plain browser has none, so it gets file inputs and downloads. */
function detectPlatform(): Platform {
  return window.kpo ? createElectronPlatform(window.kpo) : createBrowserPlatform();
}

export const platform: Platform = detectPlatform();
