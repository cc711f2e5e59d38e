import type { GuichetApi } from '../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in browser mode. */
    guichet?: GuichetApi;
  }
}

export {};
