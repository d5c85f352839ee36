/**
 * The sandboxed preload: exposes `window.kpo` (the typed IPC contract) and nothing else. Never
 * ipcRenderer itself, which would let the page call any channel with any arguments.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createKpoApiObject, KPO_API_GLOBAL } from '../shared/ipc-channels';
import type { KpoApi } from '../shared/ipc-contract';

// The runtime object is built generically from the method map; its shape is KpoApi by construction
// (one function per method, same names) and main validates every argument regardless.
const api = createKpoApiObject(
  async (channel, args) => ipcRenderer.invoke(channel, args) as Promise<unknown>,
) as KpoApi;

contextBridge.exposeInMainWorld(KPO_API_GLOBAL, api);
