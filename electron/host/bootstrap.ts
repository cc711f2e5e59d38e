/**
 * Composes a running core from the environment, for both hosts (Electron main and browser mode).
 * With no PASSCULTURE_API_KEY it runs in demo mode against an embedded sandbox on 127.0.0.1.
 */
import type { Logger } from 'pino';
import type { Core } from '../core/types';

export interface Bootstrapped {
  core: Core;
  mode: 'demo' | 'live';
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

export async function bootstrap(_options: BootstrapOptions): Promise<Bootstrapped> {
  throw new Error('not implemented yet');
}
