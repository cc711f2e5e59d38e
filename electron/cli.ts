/**
 * Headless entry point.
 *   web      browser mode: the core + the renderer on 127.0.0.1, prints the one URL to open
 *   sandbox  the pass Culture sandbox alone (for development and demos)
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, readHostConfig } from './host/config';
import { createFileLogger } from './host/logger';
import { startSupervisor } from './host/supervisor';
import { startSandbox } from './sandbox';
import { startWebHost } from './web/server';

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

function onExit(close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function runWeb(): Promise<void> {
  const config = readHostConfig(process.env);
  const dataDir = config.dataDir ?? defaultDataDir();
  const logger = createFileLogger(path.join(dataDir, 'logs'));
  // The supervisor runs the account's core (demo, saved account or PASSCULTURE_API_KEY) and swaps it from Réglages;
  // the key is kept in a user-only file (no OS keychain outside Electron).
  const running = await startSupervisor({ env: process.env, defaultDataDir: dataDir, logger });
  try {
    const host = await startWebHost({ core: running, staticDir: rendererDir(), port: config.port, logger });
    onExit(async () => {
      await host.close();
      await running.close();
    });
    console.log(`Guichet prêt — ${running.description} — ouvrez ${host.url}`);
  } catch (error) {
    await running.close();
    throw error;
  }
}

async function runSandbox(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT ?? process.env.COUNTER_PORT ?? 0);
  const sandbox = await startSandbox({ port: Number.isInteger(port) ? port : 0 });
  onExit(() => sandbox.close());
  console.log(
    `Bac à sable pass Culture sur ${sandbox.url} — clé API : ${sandbox.apiKey} — contrôle : ${sandbox.url}/__sandbox/bookings`,
  );
}

const command = process.argv[2] ?? 'web';
const commands: Record<string, () => Promise<void>> = { web: runWeb, sandbox: runSandbox };
const run = commands[command];
if (!run) {
  console.error(`Commande inconnue « ${command} ». Commandes : ${Object.keys(commands).join(', ')}.`);
  process.exit(2);
}
run().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`Guichet n'a pas pu démarrer : ${message}`);
  process.exit(1);
});
