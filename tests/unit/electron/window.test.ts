/**
 * The guichet window is created locked down, titled, and loads the built renderer file.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  created: [] as Array<{ options: Record<string, unknown>; loadFile: ReturnType<typeof vi.fn> }>,
  setApplicationMenu: vi.fn(),
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    loadFile = vi.fn(async () => undefined);
    once = vi.fn();
    on = vi.fn();
    constructor(options: Record<string, unknown>) {
      electron.created.push({ options, loadFile: this.loadFile });
    }
  },
  Menu: { setApplicationMenu: electron.setApplicationMenu },
}));

const { WINDOW_TITLE, applyMenuPolicy, createMainWindow } = await import('../../../electron/window');

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
