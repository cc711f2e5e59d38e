/**
 * Where the guichet's window opens: where the cashier left it, when that place is still on a screen. A counter PC
 * often has two screens (the cashier's and one facing the public, or a laptop's and a monitor); a window that
 * always reopened on the primary one had to be dragged back before every séance. Electron-free (plain rectangles
 * in DIPs, as Electron's `screen` gives them), so it is tested under Node.
 */

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

/** A screen as the window sees it: its work area (the screen less the taskbar), in DIPs. */
export interface ScreenArea {
  workArea: Rect;
}

/** What the last close left (windowState.ts): the window's normal bounds (restored, even when maximised). */
export interface SavedWindow {
  maximized: boolean;
  bounds: Rect | null;
}

/** The window's size where the screen has room: the guichet's two verdict columns side by side. */
const PREFERRED: Size = { width: 1280, height: 800 };
/**
 * The smallest a cashier can make the window (outer size): the smallest page the layout tests check, 1093×545 (the
 * window maximised on 1366×768 at 125 %), under a title bar of about 31 DIPs. Narrower, the header's nine screens no
 * longer fit (960 wide cuts off the last two).
 */
const SMALLEST: Size = { width: 1093, height: 576 };
/** The title bar's height, about (Windows 10/11 at any scaling, in DIPs): the strip a cashier grabs to move it. */
const TITLE_BAR = 32;
/** How much of that strip must lie on a screen for the saved place to count as still reachable. */
const GRABBABLE_WIDTH = 160;

export interface WindowPlacement extends Size {
  /** Where the window's top-left corner goes; absent: Electron centres it on the primary screen. */
  x?: number;
  y?: number;
  minWidth: number;
  minHeight: number;
  /** Maximised once shown: as the cashier left it, or because the screen is smaller than the preferred size. */
  maximize: boolean;
}

/**
 * The window's first size on a screen whose work area is `workArea`. Counter screens are often 1366×768, at 125 % a
 * work area of about 1093×582 DIPs: a 1280×800 window would open larger than the screen, centred with its title
 * bar above the top edge. There it opens maximised, its minimum no larger than the screen.
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

/** Area of the overlap of two rectangles (0 when apart). */
function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * The screen the saved window was on: the one holding most of its title bar, provided a cashier can still grab it
 * there. None when that screen was unplugged, or its resolution or scaling changed so that the title bar is off it.
 */
function screenOf(bounds: Rect, screens: readonly ScreenArea[]): ScreenArea | null {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR };
  let best: ScreenArea | null = null;
  let bestArea = 0;
  for (const screen of screens) {
    const area = overlap(titleBar, screen.workArea);
    if (area > bestArea) {
      best = screen;
      bestArea = area;
    }
  }
  return bestArea >= GRABBABLE_WIDTH * TITLE_BAR ? best : null;
}

/** `value` moved into [low, high] (low wins when the range is empty). */
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high));

/**
 * The window's place at start: the saved bounds on the screen that still shows them, fitted inside that screen's
 * work area (no larger, never below the minimum, its title bar on the screen); maximised again on that screen when
 * it was closed maximised. Without saved bounds, or when no screen shows them any more: the first-launch size on
 * the primary screen (maximised if it was).
 */
export function placeWindow(
  saved: SavedWindow | null,
  screens: readonly ScreenArea[],
  primary: ScreenArea,
): WindowPlacement {
  const screen = saved?.bounds ? screenOf(saved.bounds, screens) : null;
  if (!saved?.bounds || !screen) {
    const initial = initialWindowSize(primary.workArea);
    return { ...initial, maximize: initial.maximize || saved?.maximized === true };
  }
  const area = screen.workArea;
  const fitted = initialWindowSize(area);
  const width = clamp(saved.bounds.width, fitted.minWidth, area.width);
  const height = clamp(saved.bounds.height, fitted.minHeight, area.height);
  return {
    x: clamp(saved.bounds.x, area.x, area.x + area.width - width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - height),
    width,
    height,
    minWidth: fitted.minWidth,
    minHeight: fitted.minHeight,
    maximize: saved.maximized,
  };
}
