/**
 * This counter as a secondary, as lanHost.ts holds it: pairing with a main counter (from Réglages, or at start from
 * COUNTER_MAIN_URL, tried again for a minute), its link to it started and stopped (secondaryLink.ts), and what the
 * manager's view says of it.
 */
import type { Logger } from 'pino';
import type { EventName, LanView } from '../../shared/contract';
import { ContractFailure } from '../core/contractFailure';
import type { Core } from '../core/types';
import type { LanState } from './lanStore';
import { pairAsSecondary } from './pairingClient';
import { startSecondaryLink, type SecondaryLink } from './secondaryLink';

const PAIR_RETRY_MS = 2_000;

export interface SecondaryRoleOptions {
  core: Core;
  logger: Logger;
  state: () => LanState;
  save: (next: LanState) => void;
  counterName: () => Promise<string>;
  /** A counter that pairs as a secondary stops listening as a main counter first. */
  stopMain: () => Promise<void>;
  /** The LAN host is closing: no link is started any more. */
  closed: () => boolean;
  /** Events for this counter's screens. */
  deliver: (name: EventName, payload: unknown) => void;
  /** Something the manager sees changed. */
  publish: () => void;
}

export function createSecondaryRole(options: SecondaryRoleOptions) {
  const { logger } = options;
  let secondary: SecondaryLink | null = null;
  let pairingRetry: NodeJS.Timeout | null = null;

  function disconnect(): void {
    secondary?.close();
    secondary = null;
  }

  function connect(): void {
    disconnect();
    const link = options.state().main;
    if (!link || options.closed()) return;
    secondary = startSecondaryLink({
      core: options.core,
      link,
      logger,
      deliver: options.deliver,
      changed: options.publish,
    });
  }

  async function pair(mainUrlText: string, codeText: string): Promise<void> {
    const link = await pairAsSecondary(mainUrlText, codeText, await options.counterName());
    await options.stopMain();
    options.save({ ...options.state(), role: 'secondary', main: link });
    logger.info({ main: link.url }, 'paired with a main counter');
    connect();
  }

  /** The demo's secondary may start before its main counter listens: it tries again for a minute. */
  function pairInBackground(mainUrl: string, code: string, tries = 30): void {
    pair(mainUrl, code)
      .then(() => options.publish())
      .catch((error: unknown) => {
        const failure = error instanceof ContractFailure ? error.code : String(error);
        if (options.closed() || tries <= 1 || failure === 'pairing_failed') {
          logger.error({ failure }, 'pairing with the main counter (COUNTER_MAIN_URL) failed');
          return;
        }
        pairingRetry = setTimeout(() => pairInBackground(mainUrl, code, tries - 1), PAIR_RETRY_MS);
      });
  }

  function view(): LanView['secondary'] {
    const state = options.state();
    return state.role === 'secondary' && state.main
      ? {
          mainUrl: state.main.url,
          mainName: state.main.name,
          fingerprint: state.main.fingerprint,
          pairedAt: state.main.pairedAt,
          connected: secondary?.connection().isConnected() ?? false,
          lastContactAt: secondary?.connection().lastContactAt() ?? null,
          mode: secondary?.mode() ?? 'autonomous',
          autonomousSince: secondary?.autonomousSince() ?? null,
          waiting: secondary?.waiting() ?? 0,
          replicaAt: secondary?.replicaAt() ?? null,
        }
      : null;
  }

  return {
    connect,
    disconnect,
    pair,
    pairInBackground,
    view,
    /** The link to the main counter while one is started (paired, not closed). */
    link: (): SecondaryLink | null => secondary,
    /** The link's mode; none while no link is started. */
    mode: () => secondary?.mode(),
    /** Stops a pairing being tried again (the LAN host is closing). */
    stopPairing(): void {
      if (pairingRetry) clearTimeout(pairingRetry);
    },
  };
}
