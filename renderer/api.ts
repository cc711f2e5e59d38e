/**
 * The renderer's one door to the core. In Electron the preload has put a `GuichetApi` on `window.guichet`;
 * in a browser, the page talks to the loopback host over a WebSocket opened with this run's session token.
 */
import type { GuichetApi } from '../shared/contract';
import { SESSION_PARAM } from '../shared/wire';
import { ipcLink, type CoreLink } from './link/coreLink';
import { WebSocketGuichetApi } from './link/webSocketApi';

export interface CoreConnection {
  api: GuichetApi;
  link: CoreLink;
}

export function connectToCore(): CoreConnection {
  if (window.guichet) return { api: window.guichet, link: ipcLink };
  const webSocketApi = new WebSocketGuichetApi(takeSessionToken());
  return { api: webSocketApi, link: webSocketApi };
}

/**
 * Browser mode: the engine prints a page URL carrying this run's session token. The page keeps the token in
 * sessionStorage (so a reload still works) and removes it from the address bar, where it could be bookmarked
 * or shown on screen.
 */
const STORAGE_KEY = 'guichet.session';

function takeSessionToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(SESSION_PARAM);
  if (fromUrl) {
    remember(fromUrl);
    url.searchParams.delete(SESSION_PARAM);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return recall();
}

function remember(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage disabled: the page works until it is reloaded.
  }
}

function recall(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
