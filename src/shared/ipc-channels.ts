/**
 * Channel names and the `window.kpo` method map, kept free of runtime dependencies because the
 * sandboxed preload bundles this file. Schemas and result types live in `ipc-contract.ts`.
 */
export const kpoApiMethods = {
  openFile: 'dialog:open-file',
  saveFile: 'dialog:save-file',
  chooseSaveTarget: 'dialog:choose-save-target',
  writeSaveTarget: 'file:write-save-target',
  printToPdf: 'window:print-to-pdf',
  renderPdf: 'report:print-pdf',
  openExternal: 'shell:open-external',
  appInfo: 'app:info',
} as const;

export type KpoApiMethod = keyof typeof kpoApiMethods;
export type IpcChannel = (typeof kpoApiMethods)[KpoApiMethod];

export const KPO_API_GLOBAL = 'kpo';

/** Sends one IPC call and resolves with main's raw reply (ipcRenderer.invoke in the preload). */
export type IpcInvoke = (channel: IpcChannel, args: unknown) => Promise<unknown>;

/**
 * Unwrap main's `IpcReply` (see ipc-contract.ts): the value on success, an Error with main's message
 * otherwise. Anything else is a contract break, reported as such rather than passed on.
 */
export function unwrapIpcReply(channel: IpcChannel, reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'value' in reply) return reply.value;
    if (reply.ok === false && 'error' in reply && typeof reply.error === 'string')
      throw new Error(reply.error);
  }
  throw new Error(`${channel}: malformed reply from the main process`);
}

/**
 * The plain object the preload exposes as `window.kpo`: one async function per method, nothing else.
 * Typed as `KpoApi` by the preload, which owns that cast.
 */
export function createKpoApiObject(
  invoke: IpcInvoke,
): Readonly<Record<KpoApiMethod, (args: unknown) => Promise<unknown>>> {
  const api = {} as Record<KpoApiMethod, (args: unknown) => Promise<unknown>>;
  for (const method of Object.keys(kpoApiMethods) as KpoApiMethod[]) {
    const channel = kpoApiMethods[method];
    api[method] = async (args: unknown) => unwrapIpcReply(channel, await invoke(channel, args));
  }
  return Object.freeze(api);
}
