/**
 * Headless entry point.
 *   web      browser mode: the core + the renderer on 127.0.0.1, prints the one URL to open
 *   sandbox  the pass Culture sandbox alone (for development and demos)
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, readHostConfig } from './host/config';
import type { Logger } from 'pino';
import { sizeEngineHeapForCounter } from './host/engineHeap';
import { createFileLogger } from './host/logger';
import { installProcessGuards } from './host/processGuards';
import { startupFailureMessage } from './host/startupFailure';
import { startSupervisor } from './host/supervisor';
import { startSandbox } from './sandbox';
import { startWebHost } from './web/server';
import { readLanConfig } from './lan/lanConfig';
import { startLanHost } from './lan/lanHost';

const here = path.dirname(fileURLToPath(import.meta.url));

function defaultDataDir(): string {
  return path.join(os.homedir(), '.guichet-pass-culture');
}

/** The built renderer: next to the bundle (dist/electron → dist/renderer), or dist/renderer from the sources. */
function rendererDir(): string {
  return path.basename(here) === 'electron' && path.basename(path.dirname(here)) === 'dist'
    ? path.resolve(here, '../renderer')
    : path.resolve(here, '../dist/renderer');
}

/** How long a stop may take: requests in flight are aborted, so closing the ledger takes far less. */
const STOP_TIMEOUT_MS = 1_800;

/**
 * Ctrl+C / SIGTERM: close the host, then the engine (ledger closed cleanly), within STOP_TIMEOUT_MS whatever
 * happens; a second signal leaves at once. The ledger is transactional: even a forced exit loses no commit.
 */
function onExit(close: () => Promise<void>, logger?: Logger): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    logger?.info({ signal }, 'stopping');
    const timer = setTimeout(() => {
      logger?.warn({ timeoutMs: STOP_TIMEOUT_MS }, 'stop took too long; leaving anyway');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    close()
      .catch((error: unknown) => logger?.error({ err: error }, 'stop failed'))
      .finally(() => {
        clearTimeout(timer);
        logger?.info('stopped');
        // Let the log line reach the file before leaving.
        setTimeout(() => process.exit(0), 50);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function runWeb(): Promise<void> {
  const config = readHostConfig(process.env);
  const lanConfig = readLanConfig(process.env);
  const dataDir = config.dataDir ?? defaultDataDir();
  const logger = createFileLogger(path.join(dataDir, 'logs'), config.logLevel);
  // An error nobody caught is logged, not fatal; repeated ones stop the counter cleanly (processGuards.ts).
  installProcessGuards({ logger, onRepeated: () => process.kill(process.pid, 'SIGTERM') });
  // The supervisor runs the account's core (demo, saved account or PASSCULTURE_API_KEY) and swaps it from Réglages;
  // the key is kept in a user-only file (no OS keychain outside Electron).
  const running = await startSupervisor({
    env: process.env,
    defaultDataDir: dataDir,
    logger,
    lockHolder: 'browser',
  }).catch((error: unknown) => {
    logger.fatal({ err: error }, 'start-up failed');
    throw error;
  });
  // Several counters at one cinema (electron/lan/): the role, the main counter's LAN listener, a secondary's link.
  const counter = await startLanHost({ core: running, baseDir: dataDir, config: lanConfig, logger }).catch(
    async (error: unknown) => {
      await running.close();
      throw error;
    },
  );
  try {
    const host = await startWebHost({ core: counter, staticDir: rendererDir(), port: config.port, logger });
    onExit(async () => {
      await host.close();
      await counter.close();
    }, logger);
    const lan = counter.lanLine();
    console.log(`Guichet prêt — ${running.description}${lan ? ` — ${lan}` : ''} — ouvrez ${host.url}`);
  } catch (error) {
    await counter.close();
    throw error;
  }
}

async function runSandbox(): Promise<void> {
  const sandbox = await startSandbox({ port: readHostConfig(process.env).sandboxPort });
  onExit(() => sandbox.close());
  console.log(
    `Bac à sable pass Culture sur ${sandbox.url} — clé API : ${sandbox.apiKey} — contrôle : ${sandbox.url}/__sandbox/bookings`,
  );
}

sizeEngineHeapForCounter();
const command = process.argv[2] ?? 'web';
const commands: Record<string, () => Promise<void>> = { web: runWeb, sandbox: runSandbox };
const run = commands[command];
if (!run) {
  console.error(`Commande inconnue « ${command} ». Commandes : ${Object.keys(commands).join(', ')}.`);
  process.exit(2);
}
run().catch((error: unknown) => {
  // In French, never SQLite's or Node's English (the full error is in the log when there is one).
  const message = error instanceof ConfigError ? error.message : startupFailureMessage(error);
  console.error(`Guichet n'a pas pu démarrer : ${message}`);
  process.exit(1);
});
