/**
 * The guichet window: one per app, locked-down preferences from `security.ts`, our renderer file only.
 */
import { BrowserWindow, Menu, screen } from 'electron';
import { secureWebPreferences } from './security';
import { placeWindow, type SavedWindow, type ScreenArea } from './windowPlacement';

export const WINDOW_TITLE = 'Guichet pass Culture';

export interface MainWindowFiles {
  /** Compiled preload (CommonJS: a sandboxed preload cannot load ES modules). */
  preload: string;
  /** Built renderer page. */
  page: string;
}

export interface MainWindowPlacement {
  /** The screens' work areas and the primary one (read from Electron's `screen` when absent). */
  screens?: { all: ScreenArea[]; primary: ScreenArea };
  /** How the cashier left it last time (windowState.ts): it opens there again, if a screen still shows that place. */
  saved?: SavedWindow | null;
  /** Called as the window closes, with how it is then (its normal bounds, even when maximised). */
  onClose?: (state: SavedWindow) => void;
}

/** The screens as Electron sees them now (once the app is ready). */
function currentScreens(): { all: ScreenArea[]; primary: ScreenArea } {
  return { all: screen.getAllDisplays(), primary: screen.getPrimaryDisplay() };
}

/**
 * Creates the window where the cashier left it, else on the primary screen (called once the app is ready, when
 * `screen` can be read), and starts loading the page; the returned promise settles when the page has loaded.
 */
export function createMainWindow(
  files: MainWindowFiles,
  placement: MainWindowPlacement = {},
): { window: BrowserWindow; loaded: Promise<void> } {
  const screens = placement.screens ?? currentScreens();
  const { maximize, ...bounds } = placeWindow(placement.saved ?? null, screens.all, screens.primary);
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    ...bounds,
    // Shown once painted, so the cashier never sees a blank frame.
    show: false,
    // The renderer's --bg (dark theme), so the first frame does not flash white.
    backgroundColor: '#101418',
    webPreferences: secureWebPreferences(files.preload),
  });
  window.once('ready-to-show', () => {
    if (maximize) window.maximize();
    window.show();
  });
  window.on('close', () => placement.onClose?.({ maximized: window.isMaximized(), bounds: window.getNormalBounds() }));
  // The title bar always names the app, whatever the page's <title> says.
  window.on('page-title-updated', (event) => event.preventDefault());
  return { window, loaded: window.loadFile(files.page) };
}

/** A second launch brings the running guichet to the front instead of opening another one. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Packaged on Windows/Linux: no menu bar, so no Ctrl+R reload or dev tools in the middle of a séance. macOS keeps
 * its default menu (Quit, copy/paste live there).
 */
export function applyMenuPolicy(isPackaged: boolean, platform: NodeJS.Platform = process.platform): void {
  if (isPackaged && platform !== 'darwin') Menu.setApplicationMenu(null);
}
