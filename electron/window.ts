/**
 * The guichet window: one per app, locked-down preferences from `security.ts`, our renderer file only.
 */
import { BrowserWindow, Menu } from 'electron';
import { secureWebPreferences } from './security';

export const WINDOW_TITLE = 'Guichet pass Culture';

export interface MainWindowFiles {
  /** Compiled preload (CommonJS: a sandboxed preload cannot load ES modules). */
  preload: string;
  /** Built renderer page. */
  page: string;
}

/** Creates the window and starts loading the page; the returned promise settles when the page has loaded. */
export function createMainWindow(files: MainWindowFiles): { window: BrowserWindow; loaded: Promise<void> } {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown once painted, so the cashier never sees a blank frame.
    show: false,
    // The renderer's --bg (dark theme), so the first frame does not flash white.
    backgroundColor: '#101418',
    webPreferences: secureWebPreferences(files.preload),
  });
  window.once('ready-to-show', () => window.show());
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
