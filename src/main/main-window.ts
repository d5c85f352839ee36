/** The one application window. Security-relevant options are literal here, where review and scanners see them. */
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import {
  createDebouncedSaver,
  loadWindowState,
  MIN_SIZE,
  restoreWindowBounds,
  saveWindowState,
  saveWindowStateSync,
} from './window-state';
import type { WindowState } from './window-state';

const SAVE_DELAY_MS = 500;

export interface MainWindowOptions {
  preloadPath: string;
  userDataPath: string;
  url: string;
}

export async function createMainWindow({
  preloadPath,
  userDataPath,
  url,
}: MainWindowOptions): Promise<BrowserWindow> {
  const stateFile = join(userDataPath, 'window-state.json');
  const saved = await loadWindowState(stateFile);
  const restored = restoreWindowBounds(saved, [screen.getPrimaryDisplay(), ...screen.getAllDisplays()]);

  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'KPO Workbench',
    backgroundColor: '#1a1b1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise ask for a new window; the open handler denies it anyway, this
      // removes the path entirely.
      disableBlinkFeatures: 'Auxclick',
      // Dropping a file onto the window must not navigate away from the app.
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
  if (restored.isMaximized) win.maximize();
  win.once('ready-to-show', () => {
    win.show();
  });

  // getNormalBounds: the size to come back to, even when closed maximized.
  const currentState = (): WindowState => ({ ...win.getNormalBounds(), isMaximized: win.isMaximized() });
  const saver = createDebouncedSaver(
    async () => saveWindowState(stateFile, currentState()),
    SAVE_DELAY_MS,
    (error) => {
      console.warn('could not save window state', error);
    },
  );
  const schedule = (): void => {
    saver.schedule();
  };
  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  win.on('close', () => {
    saver.cancel();
    try {
      saveWindowStateSync(stateFile, currentState());
    } catch (error) {
      console.warn('could not save window state', error);
    }
  });

  await win.loadURL(url);
  return win;
}
