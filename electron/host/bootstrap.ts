/**
 * Composes a running core on one account: demo mode against an embedded sandbox on 127.0.0.1, or a live platform
 * with its key. Demo and each live platform get their own data folder, so their ledgers never mix.
 * The hosts go through the supervisor (supervisor.ts), which picks the account and swaps cores when it changes.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { createCore } from '../core';
import { registeredHostPrinting } from '../core/printing/hostPrinting';
import { parsePrinterSpec } from '../core/printing/printerSpec';
import type { PrinterDeps } from '../core/printing/printingService';
import type { Core } from '../core/types';
import { startSandbox } from '../sandbox';
import { readHostConfig, type AccountTarget } from './config';

export type { AccountTarget } from './config';

/**
 * Data folder of one platform: `live/<host>` so production and integration never share a ledger. A custom URL with
 * a path (a proxy serving several platforms) keeps its path in the name, so two of them stay apart too.
 */
export function accountDataDir(base: string, mode: 'demo' | 'live', apiUrl: string | null): string {
  if (mode === 'demo' || !apiUrl) return path.join(base, 'demo');
  const url = new URL(apiUrl);
  const where = url.host + url.pathname.replace(/\/+$/, '');
  return path.join(base, 'live', where.replace(/[^a-zA-Z0-9.-]/g, '_'));
}

export interface RunningCore {
  core: Core;
  mode: 'demo' | 'live';
  /** One line for the console, e.g. "Mode démonstration (bac à sable sur http://127.0.0.1:1234)". */
  description: string;
  /** Closes the core, then the embedded sandbox if there is one. */
  close(): Promise<void>;
}

/** COUNTER_PRINTER (already checked when the host read its configuration) and what the host registered. */
function hostPrinting(env: NodeJS.ProcessEnv): PrinterDeps {
  const spec = readHostConfig(env).printer;
  const defaultSpec = spec === undefined ? undefined : (parsePrinterSpec(spec) ?? undefined);
  return { ...registeredHostPrinting(), ...(defaultSpec ? { defaultSpec } : {}) };
}

/** Starts a core on one account, in that account's own data folder under `baseDir`. */
export async function startAccountCore(
  target: AccountTarget,
  options: { baseDir: string; logger: Logger; printer?: PrinterDeps },
): Promise<RunningCore> {
  const { baseDir, logger } = options;
  const printer = options.printer ?? hostPrinting(process.env);
  if (target.mode === 'live') {
    const core = await createCore({
      dataDir: accountDataDir(baseDir, 'live', target.baseUrl),
      platform: { baseUrl: target.baseUrl, apiKey: target.apiKey },
      mode: 'live',
      counterName: target.counterName,
      ...venueDeps(target.venueIds),
      logger,
      printer,
    });
    return {
      core,
      mode: 'live',
      description: `Connecté à pass Culture (${new URL(target.baseUrl).host})`,
      close: () => core.close(),
    };
  }

  const sandbox = await startSandbox();
  try {
    const core = await createCore({
      dataDir: accountDataDir(baseDir, 'demo', null),
      platform: { baseUrl: sandbox.url, apiKey: sandbox.apiKey },
      mode: 'demo',
      counterName: target.counterName,
      ...venueDeps(target.venueIds),
      demoControlUrl: sandbox.url,
      logger,
      printer,
    });
    return {
      core,
      mode: 'demo',
      description: `Mode démonstration (bac à sable pass Culture sur ${sandbox.url})`,
      close: async () => {
        try {
          await core.close();
        } finally {
          await sandbox.close();
        }
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/** The venues this counter serves; none chosen lets the core take the key's first cinema. */
function venueDeps(venueIds: number[]): { venueIds?: number[] } {
  return venueIds.length === 0 ? {} : { venueIds };
}
