/**
 * The Electron entry wires the pieces in order: one instance, the supervisor (which owns the core), the contract on
 * IPC for our window only, core events to the window, and the core closed once on quit.
 */
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventListener } from '../../../electron/core/types';
import type * as HostLogger from '../../../electron/host/logger';
import { CALL_NAMES, EVENT_CHANNEL, callChannel } from '../../../shared/channels';

type Listener = (...args: unknown[]) => unknown;
// Nothing is written there: the supervisor and the log file are replaced below.
const userData = '/home/caisse/.config/Guichet pass Culture';

const fx = vi.hoisted(() => {
  const state = {
    hasLock: true,
    appListeners: new Map<string, Listener[]>(),
    handlers: new Map<string, Listener>(),
    windows: [] as Array<Record<string, unknown> & { webContents: { send: ReturnType<typeof vi.fn> }; page?: string }>,
    eventListeners: [] as EventListener[],
    bootstrapError: null as Error | null,
  };
  const core = {
    dispatch: vi.fn(async () => ({ ok: true, value: 'dispatched' })),
    onEvent: vi.fn((listener: EventListener) => {
      state.eventListeners.push(listener);
      return () => undefined;
    }),
    close: vi.fn(async () => undefined),
  };
  // The supervisor is a core to the host; like the real one, closing it closes the core it runs.
  const booted = {
    dispatch: core.dispatch,
    onEvent: core.onEvent,
    mode: 'demo',
    description: 'Mode démonstration',
    close: vi.fn(() => core.close()),
  };
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptString: vi.fn((plain: string) => Buffer.from(plain).reverse()),
    decryptString: vi.fn((encrypted: Buffer) => Buffer.from(encrypted).reverse().toString()),
  };
  const app = {
    requestSingleInstanceLock: vi.fn(() => state.hasLock),
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    quit: vi.fn(),
    exit: vi.fn(),
    // Packaged: no description line on the terminal, keeping test output clean.
    isPackaged: true,
    getPath: vi.fn(() => ''),
    whenReady: vi.fn(async () => undefined),
    on: vi.fn((event: string, listener: Listener) => {
      state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
    }),
  };
  const emitApp = (event: string, ...args: unknown[]) => {
    for (const listener of state.appListeners.get(event) ?? []) listener(...args);
  };
  return { state, core, booted, app, emitApp, safeStorage, showErrorBox: vi.fn(), startSupervisor: vi.fn() };
});

vi.mock('electron', () => ({
  app: fx.app,
  dialog: { showErrorBox: fx.showErrorBox },
  safeStorage: fx.safeStorage,
  ipcMain: {
    handle: (channel: string, listener: Listener) => fx.state.handlers.set(channel, listener),
    removeHandler: (channel: string) => fx.state.handlers.delete(channel),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  },
  Menu: { setApplicationMenu: vi.fn() },
  screen: {
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  },
  BrowserWindow: class {
    webContents = { send: vi.fn() };
    focus = vi.fn();
    show = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    once = vi.fn();
    on = vi.fn();
    page?: string;
    constructor() {
      fx.state.windows.push(this as never);
    }
    loadFile = async (page: string) => {
      this.page = page;
    };
  },
}));

vi.mock('../../../electron/host/supervisor', () => ({ startSupervisor: fx.startSupervisor }));
vi.mock('../../../electron/host/logger', async (importOriginal) => {
  const original = await importOriginal<typeof HostLogger>();
  return { ...original, createFileLogger: () => original.createSilentLogger() };
});

async function launch() {
  vi.resetModules();
  await import('../../../electron/main');
}

beforeEach(() => {
  vi.clearAllMocks();
  fx.state.hasLock = true;
  fx.state.appListeners.clear();
  fx.state.handlers.clear();
  fx.state.windows.length = 0;
  fx.state.eventListeners.length = 0;
  fx.app.getPath.mockReturnValue(userData);
  fx.startSupervisor.mockImplementation(async () => fx.booted);
});

describe('starting the desktop guichet', () => {
  it('leaves at once when another guichet already runs', async () => {
    fx.state.hasLock = false;
    await launch();
    expect(fx.app.quit).toHaveBeenCalledOnce();
    expect(fx.startSupervisor).not.toHaveBeenCalled();
  });

  it('sets its Chromium switches before the app is ready (the verdict is not held back until a frame is drawn)', async () => {
    await launch();
    expect(fx.app.commandLine.appendSwitch).toHaveBeenCalledWith('disable-features', 'DeferRendererTasksAfterInput');
    const switchedAt = fx.app.commandLine.appendSwitch.mock.invocationCallOrder[0]!;
    expect(switchedAt).toBeLessThan(fx.app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('composes the core in the user data folder, then opens one window on the renderer', async () => {
    await launch();
    await vi.waitFor(() => expect(fx.state.windows[0]?.page).toBeDefined());
    expect(fx.startSupervisor).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ env: process.env, defaultDataDir: userData }),
    );
    expect(fx.state.windows).toHaveLength(1);
    expect(fx.state.windows[0]?.page).toMatch(/renderer[/\\]index\.html$/);
    expect([...fx.state.handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
  });

  it('answers the window’s calls through the core and pushes core events to it', async () => {
    await launch();
    await vi.waitFor(() => expect(fx.state.windows[0]?.page).toBeDefined());
    const window = fx.state.windows[0];
    if (window?.page === undefined) throw new Error('no window');
    const handler = fx.state.handlers.get(callChannel('ledger.today'));
    const frame = { url: pathToFileURL(window.page).href, parent: null };
    expect(await handler?.({ sender: window.webContents, senderFrame: frame }, {})).toEqual({
      ok: true,
      value: 'dispatched',
    });
    expect(fx.core.dispatch).toHaveBeenCalledExactlyOnceWith(
      'ledger.today',
      {},
      { terminal: expect.stringMatching(/^electron-\d+$/) },
    );

    for (const listener of fx.state.eventListeners) listener('ledger.changed', { entryId: 1, kind: 'lookup' });
    expect(window.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, {
      name: 'ledger.changed',
      payload: { entryId: 1, kind: 'lookup' },
    });
  });

  it('keeps the API key with the OS keychain (safeStorage), or says it cannot', async () => {
    await launch();
    await vi.waitFor(() => expect(fx.startSupervisor).toHaveBeenCalled());
    const options = fx.startSupervisor.mock.calls[0]?.[0] as { secretStore: (dir: string) => { kind: string } };
    expect(options.secretStore('/nowhere').kind).toBe('os');
    fx.safeStorage.isEncryptionAvailable.mockReturnValueOnce(false);
    expect(options.secretStore('/nowhere').kind).toBe('file');
    // Linux without a keyring: Electron's "basic_text" backend is a hard-coded password, so no encryption at all.
    fx.safeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text');
    expect(options.secretStore('/nowhere').kind).toBe(process.platform === 'linux' ? 'file' : 'os');
  });

  it('brings the window forward when the guichet is launched again', async () => {
    await launch();
    await vi.waitFor(() => expect(fx.state.windows[0]?.page).toBeDefined());
    fx.emitApp('second-instance');
    expect(fx.state.windows[0]?.['focus']).toHaveBeenCalled();
  });

  it('closes the core once when quitting, then quits', async () => {
    await launch();
    await vi.waitFor(() => expect(fx.state.windows[0]?.page).toBeDefined());
    const preventDefault = vi.fn();
    fx.emitApp('will-quit', { preventDefault });
    fx.emitApp('will-quit', { preventDefault });
    await vi.waitFor(() => expect(fx.app.quit).toHaveBeenCalled());
    fx.emitApp('will-quit', { preventDefault });
    expect(fx.core.close).toHaveBeenCalledOnce();
    expect(fx.booted.close).toHaveBeenCalledOnce();
    expect(preventDefault).toHaveBeenCalledTimes(2);
    expect(fx.state.handlers.size).toBe(0);
  });

  it('says why, in French, and exits when the core cannot start', async () => {
    fx.startSupervisor.mockRejectedValue(
      Object.assign(new Error('SqliteError: attempt to write a readonly database'), { code: 'SQLITE_READONLY' }),
    );
    await launch();
    await vi.waitFor(() => expect(fx.app.exit).toHaveBeenCalledWith(1));
    expect(fx.showErrorBox).toHaveBeenCalledWith(
      'Guichet pass Culture',
      expect.stringMatching(/ne peut pas être ouvert en écriture/),
    );
    expect(fx.showErrorBox.mock.calls[0]?.[1]).not.toMatch(/readonly database/);
    expect(fx.state.windows).toHaveLength(0);
  });
});
