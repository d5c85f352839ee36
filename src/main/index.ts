/**
 * Main process entry: wiring only. Every decision (what is served, who is trusted, what may open or
 * navigate, which permission is granted) lives in a unit-tested module.
 */
import { app, BrowserWindow, Menu, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { handleAppProtocol, registerAppScheme } from './app-protocol-handler';
import { APP_ENTRY_URL } from './app-protocol';
import { registerIpcHandlers } from './ipc-handlers';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { devServerOrigin, isTrustedRendererUrl } from './security-policy';
import { guardSession, guardWebContents } from './web-contents-guards';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));

// The dev server is trusted only in an unpackaged build, and only if it is on loopback.
const devServerUrl =
  !app.isPackaged && devServerOrigin(process.env.ELECTRON_RENDERER_URL) !== null
    ? process.env.ELECTRON_RENDERER_URL
    : undefined;
const isTrustedSender = (url: string | undefined): boolean => isTrustedRendererUrl(url, devServerUrl);

// Before 'ready': sandbox every renderer even if some future window forgets `sandbox: true`.
app.enableSandbox();
// Privileged schemes must be registered before 'ready'.
registerAppScheme();
// Every web contents, including ones created later by anything, gets the guards.
app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, devServerUrl);
});

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  guardSession(session.defaultSession, devServerUrl);
  handleAppProtocol(rendererRoot);
  registerIpcHandlers(isTrustedSender);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        appName: app.name,
      }),
    ),
  );
  await openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow().catch(fail);
  });
}

async function openWindow(): Promise<void> {
  mainWindow = await createMainWindow({
    preloadPath,
    userDataPath: app.getPath('userData'),
    url: devServerUrl ?? APP_ENTRY_URL,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function fail(error: unknown): void {
  console.error('KPO Workbench failed to start', error);
  app.exit(1);
}

// One instance: two would write the same IndexedDB and window state.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch(fail);
} else {
  app.quit();
}
