/**
 * The only bridge between the page and the core: `window.guichet`, with `call` and `on`, nothing else (never
 * `ipcRenderer` itself, which would let the page send on any channel). Runs sandboxed, so esbuild bundles it as
 * CommonJS and it may import nothing but `electron` and `shared/channels` (no zod: names are checked, inputs are
 * parsed by the core).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, callChannel, isCallName } from '../shared/channels';
import type { Envelope, GuichetApi } from '../shared/contract';
import type { EventMessage } from './ipc';

function unknownCall(name: unknown): Promise<Envelope<never>> {
  return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: `Appel inconnu : ${String(name)}.` } });
}

function isEventMessage(value: unknown): value is EventMessage {
  return typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string';
}

const api = {
  call(name, input) {
    // The page is untrusted: TypeScript's types do not exist at runtime.
    if (!isCallName(name)) return unknownCall(name);
    return ipcRenderer.invoke(callChannel(name), input);
  },
  on(name, listener) {
    // The IPC event is not passed on: it carries `sender`, a handle on ipcRenderer.
    const handler = (_event: IpcRendererEvent, message: unknown): void => {
      if (isEventMessage(message) && message.name === name) listener(message.payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
} satisfies GuichetApi;

contextBridge.exposeInMainWorld('guichet', api);
