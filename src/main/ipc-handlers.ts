/**
 * The IPC handlers and their registration. Every call goes through dispatchIpc (trusted sender,
 * schema-checked arguments); the handlers here only do the Electron work.
 */
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import type { OpenDialogOptions, WebContents } from 'electron';
import { basename } from 'node:path';
import { kpoApiMethods } from '../shared/ipc-channels';
import { MAX_OPEN_FILE_BYTES } from '../shared/ipc-contract';
import type { SaveResult } from '../shared/ipc-contract';
import { readFileCapped, writeFileAtomic } from './file-io';
import { dispatchIpc } from './ipc-dispatch';
import type { IpcHandlers } from './ipc-dispatch';
import { renderReportPdf } from './report-pdf';
import { SaveTargets } from './save-targets';
import { parseAllowedExternalUrl } from './security-policy';

export interface IpcContext {
  sender: WebContents;
}

type SaveDialogFilters = { name: string; extensions: string[] }[] | undefined;

/** The path the user picked in the save dialog, or null when they cancelled. */
async function chooseSavePath(
  sender: WebContents,
  suggestedName: string,
  filters: SaveDialogFilters,
): Promise<string | null> {
  const owner = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: suggestedName, ...(filters ? { filters } : {}) };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return choice.canceled || choice.filePath === '' ? null : choice.filePath;
}

async function saveWithDialog(
  sender: WebContents,
  suggestedName: string,
  filters: SaveDialogFilters,
  data: Uint8Array,
): Promise<SaveResult> {
  const filePath = await chooseSavePath(sender, suggestedName, filters);
  if (filePath === null) return { saved: false };
  await writeFileAtomic(filePath, data);
  return { saved: true, fileName: basename(filePath) };
}

const saveTargets = new SaveTargets();

export const ipcHandlers: IpcHandlers<IpcContext> = {
  async 'dialog:open-file'({ title, filters, multiple }, { sender }) {
    const owner = BrowserWindow.fromWebContents(sender);
    const options: OpenDialogOptions = {
      properties: multiple === true ? ['openFile', 'multiSelections'] : ['openFile'],
      ...(title !== undefined ? { title } : {}),
      ...(filters ? { filters } : {}),
    };
    const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    if (choice.canceled) return [];
    const files = [];
    // One at a time: a few files of up to 2 GiB each must not all be in memory at once before the
    // first is refused for size.
    for (const filePath of choice.filePaths) {
      files.push({ name: basename(filePath), data: await readFileCapped(filePath, MAX_OPEN_FILE_BYTES) });
    }
    return files;
  },

  async 'dialog:save-file'({ suggestedName, filters, data }, { sender }) {
    return saveWithDialog(sender, suggestedName, filters, data);
  },

  async 'dialog:choose-save-target'({ suggestedName, filters }, { sender }) {
    const filePath = await chooseSavePath(sender, suggestedName, filters);
    if (filePath === null) return { chosen: false };
    return { chosen: true, token: saveTargets.add(filePath, sender.id), fileName: basename(filePath) };
  },

  async 'file:write-save-target'({ token, data }, { sender }) {
    await writeFileAtomic(saveTargets.take(token, sender.id), data);
    return { written: true };
  },

  async 'window:print-to-pdf'({ suggestedName }, { sender }) {
    const pdf = await sender.printToPDF({ printBackground: true, pageSize: 'A4' });
    return saveWithDialog(sender, suggestedName, [{ name: 'PDF', extensions: ['pdf'] }], pdf);
  },

  async 'report:print-pdf'({ html }) {
    return renderReportPdf(html);
  },

  async 'shell:open-external'({ url }) {
    const allowed = parseAllowedExternalUrl(url);
    if (allowed === null) {
      throw new Error(
        `refused to open "${url}": only http:// and https:// links with a host and no user name or password open outside the app`,
      );
    }
    await shell.openExternal(allowed.href);
    return { opened: true };
  },

  // eslint-disable-next-line @typescript-eslint/require-await -- the handler contract is async
  async 'app:info'() {
    return { version: app.getVersion(), platform: process.platform, userDataPath: app.getPath('userData') };
  },
};

/**
 * Register every channel. Only the top frame may call: the CSP forbids frames, and a frame we did
 * not expect must not reach the file system even if it were same-origin.
 */
export function registerIpcHandlers(isTrustedSender: (url: string | undefined) => boolean): void {
  for (const channel of Object.values(kpoApiMethods)) {
    ipcMain.handle(channel, async (event, rawArgs: unknown) => {
      const frame = event.senderFrame;
      const senderUrl = frame !== null && frame.parent === null ? frame.url : undefined;
      const reply = await dispatchIpc(channel, senderUrl, rawArgs, ipcHandlers, isTrustedSender, {
        sender: event.sender,
      });
      if (!reply.ok) console.warn(`IPC ${reply.error}`);
      return reply;
    });
  }
}
