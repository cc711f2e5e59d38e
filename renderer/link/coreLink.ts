/**
 * Health of the page's link to the local engine. Electron's IPC never drops; the browser-mode WebSocket can,
 * and the screens say so (and reload their data when it comes back).
 */
export type LinkStatus = 'connecting' | 'open' | 'lost' | 'no_session';

export interface LinkState {
  status: LinkStatus;
  /** How many times the link came back after being lost: a change means events may have been missed. */
  reconnections: number;
}

export interface CoreLink {
  getState(): LinkState;
  subscribe(listener: () => void): () => void;
}

const ALWAYS_OPEN: LinkState = { status: 'open', reconnections: 0 };

/** The Electron preload's link: in-process IPC, always there while the window is. */
export const ipcLink: CoreLink = {
  getState: () => ALWAYS_OPEN,
  subscribe: () => () => {},
};
