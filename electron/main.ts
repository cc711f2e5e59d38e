/**
 * Electron entry: one guichet per machine, the core run by the supervisor, the contract on IPC, one locked-down
 * window. Everything testable lives in the small modules next to this file; this one only wires them in order.
 */
import { app, dialog, ipcMain, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserWindow, WebContents } from 'electron';
import type { Logger } from 'pino';
import { CHROMIUM_SWITCHES } from './chromiumSwitches';
import { sizeEngineHeapForCounter } from './host/engineHeap';
import { createFileLogger } from './host/logger';
import { installProcessGuards } from './host/processGuards';
import { startupFailureMessage } from './host/startupFailure';
import { startSupervisor } from './host/supervisor';
import { forwardEvents, registerContract } from './ipc';
import { registerOsPrinter } from './printing/registerOsPrinter';
import { createElectronSecretStore } from './secretStore.electron';
import { logLevelFrom, readHostConfig } from './host/config';
import { readLanConfig } from './lan/lanConfig';
import { startLanHost } from './lan/lanHost';
import { guardWebContents, hardenSession } from './security';
import { createShutdown } from './shutdown';
import { applyMenuPolicy, createMainWindow, focusWindow } from './window';
import { createWindowStateStore } from './windowState';

const SHUTDOWN_TIMEOUT_MS = 5_000;

// Stack traces in the log point at the TypeScript sources (esbuild writes the maps next to the bundle).
process.setSourceMapsEnabled(true);
// The engine runs in this process (host/engineHeap.ts).
sizeEngineHeapForCounter();
// Every renderer sandboxed, including any a dependency might open.
app.enableSandbox();
// Before 'ready', as Chromium reads them at start (see chromiumSwitches.ts for why each one).
for (const [name, value] of Object.entries(CHROMIUM_SWITCHES)) app.commandLine.appendSwitch(name, value);

if (app.requestSingleInstanceLock()) {
  void start();
} else {
  // Another guichet runs on this session: it gets focused through 'second-instance'.
  app.quit();
}

async function start(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const files = { preload: join(here, 'preload.cjs'), page: join(here, '..', 'renderer', 'index.html') };
  const appPageUrl = pathToFileURL(files.page).href;
  const logger = createFileLogger(join(app.getPath('userData'), 'logs'), logLevelFrom(process.env));
  // An error nobody caught in main is logged (never Electron's default dialog mid-evening); the ledger is
  // transactional, so it stays consistent. Repeated ones quit cleanly: the core and its ledger are closed first.
  installProcessGuards({ logger, onRepeated: () => app.quit() });

  let mainWindow: BrowserWindow | null = null;
  const liveContents = (): WebContents | null =>
    mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents : null;

  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appPageUrl));
  // One window, one counter: closing it ends the app on every platform (the core must not run unseen).
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession(session.defaultSession);
  applyMenuPolicy(app.isPackaged);

  // Entry slips may go to an OS printer (webContents.print): only this host can offer it to the core.
  registerOsPrinter();
  // The supervisor owns the core and swaps it when the account changes; the key is encrypted with the OS keychain
  // where there is one (safeStorage answers only after whenReady).
  const booted = await startSupervisor({
    env: process.env,
    defaultDataDir: app.getPath('userData'),
    logger,
    lockHolder: 'electron',
    secretStore: (dir) => createElectronSecretStore(dir, logger),
  }).catch((err: unknown) => failStart(logger, err));
  if (booted === null) return;
  logger.info({ mode: booted.mode }, booted.description);
  // Several counters at one cinema (electron/lan/): the same Core around the supervisor as browser mode's.
  const counter = await startLanHost({
    core: booted,
    baseDir: readHostConfig(process.env).dataDir ?? app.getPath('userData'),
    config: readLanConfig(process.env),
    logger,
  }).catch(async (err: unknown) => {
    await booted.close();
    return failStart(logger, err);
  });
  if (counter === null) return;
  // In development, the one line a person reads (demo or live, which platform) also goes to the terminal.
  if (!app.isPackaged) console.log(booted.description);

  const unregister = registerContract({
    ipcMain,
    core: counter,
    trustedContents: liveContents,
    appPageUrl,
    logger,
  });
  const unforward = forwardEvents(counter, liveContents);
  const shutdown = createShutdown(
    [
      {
        name: 'ipc',
        run: () => {
          unforward();
          unregister();
        },
      },
      // Closes the core (database, upload queue), then the demo sandbox if there is one.
      { name: 'core', run: () => counter.close() },
    ],
    { timeoutMs: SHUTDOWN_TIMEOUT_MS, logger },
  );
  let isShutDown = false;
  app.on('will-quit', (event) => {
    if (isShutDown) return;
    // Quitting waits for the core (open transactions, upload queue), then resumes.
    event.preventDefault();
    void shutdown().then(() => {
      isShutDown = true;
      app.quit();
    });
  });

  const windowState = createWindowStateStore(app.getPath('userData'), logger);
  const { window, loaded } = createMainWindow(files, {
    saved: windowState.saved(),
    onClose: (state) => windowState.remember(state),
  });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
  await loaded.catch((err: unknown) => {
    // Usually a missing renderer build; show the window anyway so the app does not run invisibly.
    logger.error({ err, page: files.page }, 'renderer page failed to load');
    if (!window.isDestroyed()) window.show();
  });
}

/** The core could not start (folder not writable, bad configuration): say so, then leave. */
function failStart(logger: Logger, err: unknown): null {
  logger.fatal({ err }, 'bootstrap failed');
  // In French, never SQLite's English (the error itself is in the log).
  const reason = startupFailureMessage(err);
  dialog.showErrorBox('Guichet pass Culture', `Le guichet n'a pas pu démarrer : ${reason}`);
  app.exit(1);
  return null;
}
