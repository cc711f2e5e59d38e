/**
 * The contract on Electron IPC: one `ipcMain.handle` per call name, answered by `core.dispatch`, and core events
 * pushed to the window. Only the main frame of our own window, showing our own page, may call: a frame we did
 * not create (or one that navigated away) gets an error envelope and never reaches the core.
 */
import type { Logger } from 'pino';
import { CALL_NAMES, EVENT_CHANNEL, callChannel } from '../shared/channels';
import type { CallName, EventName } from '../shared/channels';
import type { Envelope } from '../shared/contract';
import type { Core } from './core/types';
import { isAppPage } from './security';

/** What goes down EVENT_CHANNEL; the preload hands `payload` to listeners of `name`. */
export interface EventMessage {
  name: EventName;
  payload: unknown;
}

/** The parts of an `IpcMainInvokeEvent` the frame check reads. */
export interface SenderEvent {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/** The parts of `ipcMain` the registrar uses (Electron's own object fits). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface ContractBridge {
  ipcMain: IpcMainLike;
  core: Pick<Core, 'dispatch'>;
  /** Web contents of the guichet window, or null while there is none (looked up per call: it may be recreated). */
  trustedContents: () => unknown;
  appPageUrl: string;
  logger: Pick<Logger, 'warn'>;
}

/**
 * True only for the top frame of our window, on our page. `sender` alone is not enough: a sub-frame or a page
 * the window was navigated to would share it.
 */
export function isTrustedSender(event: SenderEvent, trustedContents: unknown, appPageUrl: string): boolean {
  const frame = event.senderFrame;
  return (
    trustedContents !== null &&
    event.sender === trustedContents &&
    frame !== null &&
    frame.parent === null &&
    isAppPage(frame.url, appPageUrl)
  );
}

/**
 * Answered to an untrusted frame. An envelope rather than a throw: callers always get the contract's shape,
 * and a rejected `handle` would make Electron print an error for what is only a refusal.
 */
export function refusedEnvelope(name: CallName): Envelope<never> {
  return { ok: false, error: { code: 'unknown_call', message: `Appel refusé : ${name} (fenêtre inconnue).` } };
}

/**
 * The engine's name for a window (staff/actor.ts: who is signed in there). A window made again (closed and reopened)
 * is a new screen: nobody is signed in there yet.
 */
const terminals = new WeakMap<object, string>();
let windowsSeen = 0;
export function terminalOf(sender: unknown): string {
  if (typeof sender !== 'object' || sender === null) return 'electron';
  let terminal = terminals.get(sender);
  if (!terminal) {
    windowsSeen += 1;
    terminal = `electron-${windowsSeen}`;
    terminals.set(sender, terminal);
  }
  return terminal;
}

/** Registers every call of the contract; returns what removes them. */
export function registerContract(bridge: ContractBridge): () => void {
  for (const name of CALL_NAMES) {
    bridge.ipcMain.handle(callChannel(name), async (event, input) => {
      if (!isTrustedSender(event, bridge.trustedContents(), bridge.appPageUrl)) {
        // The input is not logged: it is whatever the untrusted frame chose to send.
        bridge.logger.warn(
          { call: name, frameUrl: event.senderFrame?.url ?? null },
          'IPC call from an untrusted frame refused',
        );
        return refusedEnvelope(name);
      }
      return bridge.core.dispatch(name, input, { terminal: terminalOf(event.sender) });
    });
  }
  return () => {
    for (const name of CALL_NAMES) bridge.ipcMain.removeHandler(callChannel(name));
  };
}

/** Pushes core events to the window while it exists; returns the unsubscribe function. */
export function forwardEvents(
  core: Pick<Core, 'onEvent'>,
  target: () => { send(channel: string, message: EventMessage): void } | null,
): () => void {
  return core.onEvent((name, payload) => {
    target()?.send(EVENT_CHANNEL, { name, payload });
  });
}
