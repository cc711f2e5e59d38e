/**
 * Composes a running core from the environment, for both hosts (Electron main and browser mode).
 * With no PASSCULTURE_API_KEY it runs in demo mode against an embedded sandbox on 127.0.0.1.
 * Demo and each live platform get their own data folder, so their ledgers never mix.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { createCore } from '../core';
import type { Core } from '../core/types';
import { startSandbox } from '../sandbox';
import { readHostConfig, type HostConfig } from './config';

export interface Bootstrapped {
  core: Core;
  mode: 'demo' | 'live';
  config: HostConfig;
  /** One line for the console, e.g. "Mode démonstration (bac à sable sur http://127.0.0.1:1234)". */
  description: string;
  close(): Promise<void>;
}

export interface BootstrapOptions {
  env: NodeJS.ProcessEnv;
  /** Used when COUNTER_DATA_DIR is not set. */
  defaultDataDir: string;
  logger: Logger;
}

/** Data folder of one platform: `live/<host>` so production and integration never share a ledger. */
export function accountDataDir(base: string, mode: 'demo' | 'live', apiUrl: string | null): string {
  if (mode === 'demo' || !apiUrl) return path.join(base, 'demo');
  return path.join(base, 'live', new URL(apiUrl).host.replace(/[^a-zA-Z0-9.-]/g, '_'));
}

export async function bootstrap(options: BootstrapOptions): Promise<Bootstrapped> {
  const config = readHostConfig(options.env);
  const base = config.dataDir ?? options.defaultDataDir;
  const logger = options.logger;

  if (config.mode === 'live' && config.apiUrl && config.apiKey) {
    const core = await createCore({
      dataDir: accountDataDir(base, 'live', config.apiUrl),
      platform: { baseUrl: config.apiUrl, apiKey: config.apiKey },
      mode: 'live',
      counterName: config.counterName,
      venueId: config.venueId,
      logger,
    });
    return {
      core,
      mode: 'live',
      config,
      description: `Connecté à pass Culture (${new URL(config.apiUrl).host})`,
      close: () => core.close(),
    };
  }

  const sandbox = await startSandbox();
  try {
    const core = await createCore({
      dataDir: accountDataDir(base, 'demo', null),
      platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
      mode: 'demo',
      counterName: config.counterName,
      venueId: config.venueId,
      demoControlUrl: sandbox.url,
      logger,
    });
    return {
      core,
      mode: 'demo',
      config,
      description: `Mode démonstration (bac à sable pass Culture sur ${sandbox.url})`,
      close: async () => {
        await core.close();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
