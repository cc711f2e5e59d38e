/**
 * The guichet window is created locked down, titled, sized to the screen it opens on (or placed where the cashier
 * left it: windowPlacement.test.ts), and loads the built renderer file.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface CreatedWindow {
  options: Record<string, unknown>;
  loadFile: ReturnType<typeof vi.fn>;
  once: ReturnType<typeof vi.fn>;
  on: ReturnType<typeof vi.fn>;
  calls: string[];
  maximized: boolean;
  normalBounds: { x: number; y: number; width: number; height: number };
}

const electron = vi.hoisted(() => ({
  created: [] as CreatedWindow[],
  setApplicationMenu: vi.fn(),
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    calls: string[] = [];
    loadFile = vi.fn(async () => undefined);
    once = vi.fn();
    on = vi.fn();
    record: CreatedWindow;
    maximize = () => {
      this.calls.push('maximize');
      this.record.maximized = true;
    };
    show = () => this.calls.push('show');
    isMaximized = () => this.record.maximized;
    getNormalBounds = () => this.record.normalBounds;
    constructor(options: Record<string, unknown>) {
      this.record = {
        options,
        loadFile: this.loadFile,
        once: this.once,
        on: this.on,
        calls: this.calls,
        maximized: false,
        normalBounds: { x: 100, y: 50, width: 1280, height: 800 },
      };
      electron.created.push(this.record);
    }
  },
  Menu: { setApplicationMenu: electron.setApplicationMenu },
  // One screen, the primary, as Electron's `screen` describes it (more screens: windowPlacement.test.ts).
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: electron.workArea }),
    getAllDisplays: () => [{ id: 1, workArea: electron.workArea }],
  },
}));

const { WINDOW_TITLE, applyMenuPolicy, createMainWindow } = await import('../../../electron/window');
const { initialWindowSize } = await import('../../../electron/windowPlacement');

beforeEach(() => {
  electron.created.length = 0;
  vi.clearAllMocks();
});

describe('the guichet window', () => {
  it('is sandboxed and isolated, with our preload, and loads the renderer file', async () => {
    const { loaded } = createMainWindow({
      preload: '/app/dist/electron/preload.cjs',
      page: '/app/dist/renderer/index.html',
    });
    await loaded;
    const [created] = electron.created;
    expect(created?.options).toMatchObject({
      title: 'Guichet pass Culture',
      webPreferences: {
        preload: '/app/dist/electron/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
      },
    });
    expect(WINDOW_TITLE).toBe('Guichet pass Culture');
    expect(created?.loadFile).toHaveBeenCalledExactlyOnceWith('/app/dist/renderer/index.html');
  });
});

/** Opens a window on a primary screen with this work area and returns what it did once ready to show. */
function openOn(
  workArea: { width: number; height: number },
  placement: Parameters<typeof createMainWindow>[1] = {},
): CreatedWindow {
  electron.workArea = { x: 0, y: 0, ...workArea };
  createMainWindow({ preload: '/p.cjs', page: '/index.html' }, placement);
  const created = electron.created.at(-1)!;
  const [event, readyToShow] = created.once.mock.calls[0] as [string, () => void];
  expect(event).toBe('ready-to-show');
  readyToShow();
  return created;
}

describe('the window on the screens counters have', () => {
  it('opens at 1280×800 where the work area has room, and is not maximised', () => {
    // 1920×1080 at 100 % less a 40-pixel taskbar; and at 125 % (1536×864 DIPs less 32).
    for (const workArea of [
      { width: 1920, height: 1040 },
      { width: 1536, height: 832 },
    ]) {
      const created = openOn(workArea);
      expect(created.options).toMatchObject({ width: 1280, height: 800, minWidth: 1093, minHeight: 576 });
      expect(created.calls).toEqual(['show']);
    }
  });

  it('opens maximised where 1280×800 would not fit, never larger than the screen', () => {
    // 1366×768 at 100 % (taskbar 40 px) and at 125 % (1093×614 DIPs, taskbar 32); 1920×1080 at 150 % (1280×720).
    const cases = [
      { workArea: { width: 1366, height: 728 }, size: { width: 1280, height: 728, minWidth: 1093, minHeight: 576 } },
      { workArea: { width: 1093, height: 582 }, size: { width: 1093, height: 582, minWidth: 1093, minHeight: 576 } },
      // A 1024×600 screen, none of the counters' set-ups: the minimum is never larger than the screen.
      { workArea: { width: 1024, height: 560 }, size: { width: 1024, height: 560, minWidth: 1024, minHeight: 560 } },
      { workArea: { width: 1280, height: 688 }, size: { width: 1280, height: 688, minWidth: 1093, minHeight: 576 } },
    ];
    for (const { workArea, size } of cases) {
      const created = openOn(workArea);
      expect(created.options).toMatchObject(size);
      expect(created.calls).toEqual(['maximize', 'show']);
      expect(initialWindowSize(workArea)).toEqual({ ...size, maximize: true });
    }
  });
});

describe('the window as the cashier left it', () => {
  it('opens maximised again when it was closed maximised, and says how it closes, with its normal bounds', () => {
    const closes: unknown[] = [];
    const saved = { maximized: true, bounds: { x: 200, y: 100, width: 1200, height: 700 } };
    const created = openOn({ width: 1920, height: 1040 }, { saved, onClose: (state) => closes.push(state) });
    expect(created.options).toMatchObject(saved.bounds);
    expect(created.calls).toEqual(['maximize', 'show']);
    const close = created.on.mock.calls.find(([event]) => event === 'close')?.[1] as () => void;
    close();
    created.maximized = false; // the cashier restored it, moved it, then closes again
    created.normalBounds = { x: 300, y: 120, width: 1100, height: 650 };
    close();
    expect(closes).toEqual([
      { maximized: true, bounds: { x: 100, y: 50, width: 1280, height: 800 } },
      { maximized: false, bounds: { x: 300, y: 120, width: 1100, height: 650 } },
    ]);
  });

  it('opens where it was left when it was not maximised, and at its default size with nothing saved', () => {
    const saved = { maximized: false, bounds: { x: 40, y: 30, width: 1400, height: 900 } };
    const placed = openOn({ width: 1920, height: 1040 }, { saved });
    expect(placed.options).toMatchObject(saved.bounds);
    expect(placed.calls).toEqual(['show']);
    const fresh = openOn({ width: 1920, height: 1040 }, { saved: null });
    expect(fresh.options).toMatchObject({ width: 1280, height: 800 });
    expect(fresh.options).not.toHaveProperty('x'); // Electron centres it
    expect(fresh.calls).toEqual(['show']);
  });
});

describe('the menu', () => {
  it('is removed from packaged builds on Windows and Linux only', () => {
    applyMenuPolicy(false, 'win32');
    applyMenuPolicy(true, 'darwin');
    expect(electron.setApplicationMenu).not.toHaveBeenCalled();
    applyMenuPolicy(true, 'win32');
    applyMenuPolicy(true, 'linux');
    expect(electron.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(electron.setApplicationMenu).toHaveBeenCalledWith(null);
  });
});
