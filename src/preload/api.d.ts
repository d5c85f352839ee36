/**
 * What the renderer sees of the preload. Optional because the same renderer build also runs in a
 * plain browser (DESIGN.md §3), where there is no preload.
 */
import type { KpoApi } from '../shared/ipc-contract';

declare global {
  interface Window {
    readonly kpo?: KpoApi;
  }
}

export {};
