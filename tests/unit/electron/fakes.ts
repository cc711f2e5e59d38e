/**
 * Stand-ins for the few Electron objects the host modules touch, recording what they were asked.
 */
import type { Session, WebContents } from 'electron';

type Listener = (...args: unknown[]) => void;

export interface FakeContents {
  contents: WebContents;
  listeners: Map<string, Listener[]>;
  /** Fires `event` like Electron would; returns whether a listener called preventDefault. */
  emit(event: string, details?: Record<string, unknown>): boolean;
  openWindow(url: string): unknown;
}

export function fakeWebContents(): FakeContents {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      openHandler = handler;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    listeners,
    emit(event, details = {}) {
      let isPrevented = false;
      const electronEvent = { ...details, preventDefault: () => (isPrevented = true) };
      for (const listener of listeners.get(event) ?? []) listener(electronEvent, details['url']);
      return isPrevented;
    },
    openWindow(url) {
      if (openHandler === null) throw new Error('no window open handler installed');
      return openHandler({ url });
    },
  };
}

export interface FakeSession {
  session: Session;
  requestPermission(permission: string): boolean | undefined;
  checkPermission(permission: string): boolean | undefined;
  receiveHeaders(responseHeaders?: Record<string, string[]>): Record<string, string[]> | undefined;
}

export function fakeSession(): FakeSession {
  let requestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  let checkHandler: ((wc: unknown, permission: string) => boolean) | null = null;
  let headersHandler:
    | ((
        details: { responseHeaders?: Record<string, string[]> },
        cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void)
    | null = null;
  const session = {
    setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
    setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    webRequest: { onHeadersReceived: (handler: typeof headersHandler) => (headersHandler = handler) },
  };
  return {
    session: session as unknown as Session,
    requestPermission(permission) {
      let granted: boolean | undefined;
      requestHandler?.(null, permission, (value) => (granted = value));
      return granted;
    },
    checkPermission: (permission) => checkHandler?.(null, permission),
    receiveHeaders(responseHeaders) {
      let result: Record<string, string[]> | undefined;
      headersHandler?.({ responseHeaders }, (response) => (result = response.responseHeaders));
      return result;
    },
  };
}
