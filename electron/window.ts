/**
 * The guichet window: one per app, locked-down preferences from `security.ts`, our renderer file only.
 */
import { BrowserWindow, Menu, screen } from 'electron';
import { secureWebPreferences } from './security';

export const WINDOW_TITLE = 'Guichet pass Culture';

export interface MainWindowFiles {
  /** Compiled preload (CommonJS: a sandboxed preload cannot load ES modules). */
  preload: string;
  /** Built renderer page. */
  page: string;
}

interface Size {
  width: number;
  height: number;
}

/** The window's size where the screen has room: the guichet's two verdict columns side by side. */
const PREFERRED: Size = { width: 1280, height: 800 };
/**
 * The smallest a cashier can make the window (outer size): the smallest page the layout tests check, 1093×545 (the
 * window maximised on 1366×768 at 125 %), under a title bar of about 31 DIPs. Narrower, the header's nine screens no
 * longer fit (960 wide cuts off the last two).
 */
const SMALLEST: Size = { width: 1093, height: 576 };

/**
 * The window's first size on a screen whose work area (the screen less the taskbar, in DIPs) is `workArea`. Counter
 * screens are often 1366×768, at 125 % a work area of about 1093×582 DIPs: a 1280×800 window would open larger than
 * the screen, centred with its title bar above the top edge. There it opens maximised, its minimum no larger than
 * the screen.
 */
export function initialWindowSize(workArea: Size): Size & { minWidth: number; minHeight: number; maximize: boolean } {
  return {
    width: Math.min(PREFERRED.width, workArea.width),
    height: Math.min(PREFERRED.height, workArea.height),
    minWidth: Math.min(SMALLEST.width, workArea.width),
    minHeight: Math.min(SMALLEST.height, workArea.height),
    maximize: workArea.width < PREFERRED.width || workArea.height < PREFERRED.height,
  };
}

export interface MainWindowPlacement {
  /** The primary screen's work area (read from Electron's `screen` when absent). */
  workArea?: Size;
  /** The cashier left it maximised last time (windowState.ts): it opens maximised again. */
  wasMaximized?: boolean;
  /** Called as the window closes, with whether it is maximised then. */
  onClose?: (maximized: boolean) => void;
}

/**
 * Creates the window on the primary screen (called once the app is ready, when `screen` can be read) and starts
 * loading the page; the returned promise settles when the page has loaded.
 */
export function createMainWindow(
  files: MainWindowFiles,
  placement: MainWindowPlacement = {},
): { window: BrowserWindow; loaded: Promise<void> } {
  const { maximize, ...size } = initialWindowSize(placement.workArea ?? screen.getPrimaryDisplay().workAreaSize);
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    ...size,
    // Shown once painted, so the cashier never sees a blank frame.
    show: false,
    // The renderer's --bg (dark theme), so the first frame does not flash white.
    backgroundColor: '#101418',
    webPreferences: secureWebPreferences(files.preload),
  });
  window.once('ready-to-show', () => {
    if (maximize || placement.wasMaximized) window.maximize();
    window.show();
  });
  window.on('close', () => placement.onClose?.(window.isMaximized()));
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
