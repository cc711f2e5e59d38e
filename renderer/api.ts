/**
 * The renderer's one door to the core. In Electron the preload has put a `GuichetApi` on `window.guichet`;
 * in a browser, the page talks to the loopback host over a WebSocket opened with this run's session token.
 */
import type { GuichetApi } from '../shared/contract';
import { ipcLink, type CoreLink } from './link/coreLink';
import { takeSessionToken } from './link/sessionToken';
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
