/**
 * Where the window opens (electron/windowPlacement.ts) on the screen layouts counters have: one screen, a second one
 * beside or left of it, a screen unplugged or set to another resolution or scaling since the last close.
 */
import { describe, expect, it } from 'vitest';
import { initialWindowSize, placeWindow, type Rect } from '../../../electron/windowPlacement';

const screenAt = (x: number, y: number, width: number, height: number) => ({ workArea: { x, y, width, height } });
/** 1920×1080 at 100 %, taskbar 40 px. */
const PRIMARY = screenAt(0, 0, 1920, 1040);
/** 1366×768 at 125 % to its right (1093×614 DIPs, taskbar 32). */
const RIGHT = screenAt(1920, 0, 1093, 582);
/** 1920×1080 at 125 % to its left (1536×864 DIPs). */
const LEFT = screenAt(-1536, 0, 1536, 832);
const ALL = [PRIMARY, RIGHT, LEFT];

const left = (maximized: boolean, bounds: Rect | null) => ({ maximized, bounds });

describe('the window opens where the cashier left it', () => {
  it('on the primary screen, at the same place and size', () => {
    const bounds = { x: 120, y: 60, width: 1400, height: 900 };
    expect(placeWindow(left(false, bounds), ALL, PRIMARY)).toEqual({
      ...bounds,
      minWidth: 1093,
      minHeight: 576,
      maximize: false,
    });
  });

  it('on a second screen, left or right of the primary one, maximised there again when it was', () => {
    const onLeft = { x: -1400, y: 100, width: 1200, height: 700 };
    expect(placeWindow(left(true, onLeft), ALL, PRIMARY)).toMatchObject({ ...onLeft, maximize: true });
    // On the small screen: its normal bounds fit it, the minimum is that screen's.
    const onRight = { x: 1920, y: 0, width: 1093, height: 582 };
    expect(placeWindow(left(true, onRight), ALL, PRIMARY)).toEqual({
      ...onRight,
      minWidth: 1093,
      minHeight: 576,
      maximize: true,
    });
  });

  it('fitted inside its screen when that screen became smaller (resolution or scaling changed)', () => {
    // Left at 1400×900 near the primary's bottom-right; the primary is now 1366×768 at 100 %.
    const smaller = screenAt(0, 0, 1366, 728);
    const placed = placeWindow(left(false, { x: 300, y: 200, width: 1400, height: 900 }), [smaller], smaller);
    expect(placed).toEqual({ x: 0, y: 0, width: 1366, height: 728, minWidth: 1093, minHeight: 576, maximize: false });
  });

  it('partly off its screen: moved back inside, its size kept', () => {
    const placed = placeWindow(left(false, { x: 1500, y: -10, width: 1280, height: 800 }), [PRIMARY], PRIMARY);
    expect(placed).toMatchObject({ x: 640, y: 0, width: 1280, height: 800 });
  });

  it('never below the smallest size the layout is checked at', () => {
    const placed = placeWindow(left(false, { x: 10, y: 10, width: 400, height: 300 }), ALL, PRIMARY);
    expect(placed).toMatchObject({ width: 1093, height: 576 });
  });
});

describe('the window opens as on a first launch when its place is gone', () => {
  const firstLaunch = { width: 1280, height: 800, minWidth: 1093, minHeight: 576, maximize: false };

  it('with nothing saved', () => {
    expect(placeWindow(null, ALL, PRIMARY)).toEqual(firstLaunch);
    expect(placeWindow(left(false, null), ALL, PRIMARY)).toEqual(firstLaunch);
  });

  it('when the screen it was on is unplugged: on the primary one, still maximised if it was', () => {
    const onRight = { x: 1920, y: 0, width: 1093, height: 582 };
    expect(placeWindow(left(false, onRight), [PRIMARY], PRIMARY)).toEqual(firstLaunch);
    expect(placeWindow(left(true, onRight), [PRIMARY], PRIMARY)).toEqual({ ...firstLaunch, maximize: true });
  });

  it('when too little of its title bar would be on a screen to grab it', () => {
    // Only 100 DIPs of the title bar on the primary screen; and the title bar above every screen.
    expect(placeWindow(left(false, { x: 1820, y: 100, width: 1280, height: 800 }), [PRIMARY], PRIMARY)).toEqual(
      firstLaunch,
    );
    expect(placeWindow(left(false, { x: 100, y: -500, width: 1280, height: 400 }), ALL, PRIMARY)).toEqual(firstLaunch);
  });

  it('on a small primary screen: maximised, as on a first launch there', () => {
    const small = screenAt(0, 0, 1093, 582);
    expect(placeWindow(null, [small], small)).toEqual({ ...initialWindowSize(small.workArea), maximize: true });
  });
});
