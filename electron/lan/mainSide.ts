/**
 * The main counter's side of the LAN (lanHost.ts composes it): its listener (mainListener.ts) with the certificate
 * made once, the single-use pairing codes, the pairing of a new secondary, revocation, and the manager's view of
 * the secondaries (mode, last contact, what each says waits to be handed over). The listener answers the engine's
 * LAN-only requests (replica pages, hand-over) through the core directly, for paired secondaries only.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { EventName, LanView } from '../../shared/contract';
import type { Core } from '../core/types';
import { loadOrCreateCertificate, type LanCertificate } from './certificate';
import type { LanConfig } from './lanConfig';
import { hashToken, lanDir, type LanState } from './lanStore';
import { newToken, startMainListener, type MainListener } from './mainListener';
import { createPairingCodes } from './pairing';

export interface MainSideOptions {
  core: Core;
  baseDir: string;
  config: LanConfig;
  logger: Logger;
  state: () => LanState;
  save: (next: LanState) => void;
  counterName: () => Promise<string>;
  /** Something the manager sees changed: at once, or soon (a burst of calls makes one refresh). */
  publish: () => void;
  publishSoon: () => void;
}

export type MainSide = ReturnType<typeof createMainSide>;

export function createMainSide(options: MainSideOptions) {
  const { core, config, logger } = options;
  const codes = createPairingCodes();
  let listener: MainListener | null = null;
  let certificate: LanCertificate | null = null;
  const lastSeen = new Map<string, { at: string; address: string; connected: boolean }>();
  /** What each secondary last said waits to be handed over. */
  const reported = new Map<string, number>();

  async function pair(mainName: string, name: string, proof: string, address: string) {
    // One name, one counter in the ledger: a name already in use (this counter's, or a paired secondary's, e.g.
    // a reinstalled PC: revoke the old pairing first) is refused before the code is spent.
    const taken = (other: string) => other.localeCompare(name, 'fr', { sensitivity: 'base' }) === 0;
    const nameTaken = () => taken(mainName) || options.state().secondaries.some((s) => taken(s.name));
    if (nameTaken()) return 'name_taken' as const;
    if (!certificate || !(await codes.redeem(proof, certificate.fingerprint))) return null;
    // Read after the proof's derivation: the list may have changed meanwhile (a revocation).
    const state = options.state();
    const token = newToken();
    const id = crypto.randomBytes(6).toString('hex');
    const now = new Date().toISOString();
    options.save({
      ...state,
      secondaries: [
        ...state.secondaries,
        { id, name, tokenHash: hashToken(token), pairedAt: now, lastSeenAt: null, address },
      ],
    });
    options.publish();
    return { id, token, mainName };
  }

  function addresses(): string[] {
    if (!listener) return [];
    const port = listener.port;
    const hosts =
      config.host === '0.0.0.0' || config.host === '::'
        ? Object.values(os.networkInterfaces())
            .flat()
            .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
            .map((a) => a!.address)
        : [config.host];
    return hosts.map((h) => `https://${h}:${port}`);
  }

  return {
    async start(): Promise<void> {
      if (listener) return;
      const mainName = await options.counterName();
      certificate ??= await loadOrCreateCertificate(lanDir(options.baseDir), `Guichet ${mainName}`);
      listener = await startMainListener({
        certificate,
        host: config.host,
        port: config.port,
        logger,
        dispatch: (name, input, caller) => core.dispatch(name, input, caller),
        replica: core.replica && ((pull) => core.replica!.serve(pull)),
        handover: core.handover && ((from, actions) => core.handover!.receive(from, actions)),
        report: (from, report) => {
          reported.set(from.id, report.waiting);
          options.publishSoon();
        },
        secondaryOfToken: (token) => {
          if (!token) return null;
          const hash = hashToken(token);
          const found = options
            .state()
            .secondaries.find((s) => crypto.timingSafeEqual(Buffer.from(s.tokenHash), Buffer.from(hash)));
          return found ? { id: found.id, name: found.name } : null;
        },
        pair: (name, proof, address) => pair(mainName, name, proof, address),
        seen: (id, address, connected) => {
          lastSeen.set(id, { at: new Date().toISOString(), address, connected });
          options.publishSoon();
        },
      });
      if (config.pairingCode && !codes.shown()) codes.issue(config.pairingCode);
    },

    async stop(): Promise<void> {
      const current = listener;
      listener = null;
      codes.clear();
      await current?.close();
    },

    listening: () => listener !== null,
    port: () => listener?.port ?? null,
    addresses,
    issueCode: () => codes.issue(),

    /** Revokes a secondary at once: its token is forgotten and its connection closed. */
    revoke(id: string): boolean {
      const state = options.state();
      const revoked = state.secondaries.find((s) => s.id === id);
      if (!revoked) return false;
      options.save({ ...state, secondaries: state.secondaries.filter((s) => s.id !== id) });
      listener?.disconnect(id);
      lastSeen.delete(id);
      reported.delete(id);
      logger.info({ secondary: id, name: revoked.name }, 'secondary counter revoked');
      return true;
    },

    /** An engine event to every connected secondary, or to one (`to`: the counter a late verdict belongs to). */
    broadcast(name: EventName, payload: unknown, to?: string): void {
      listener?.broadcast(name, payload, to);
    },

    view(): LanView['main'] {
      if (!certificate || options.state().role !== 'main') return null;
      const connected = listener?.connected() ?? new Set<string>();
      const shown = codes.shown();
      return {
        addresses: addresses(),
        fingerprint: certificate.fingerprint,
        pairing: shown && { code: shown.code, expiresAt: shown.expiresAt.toISOString() },
        secondaries: options.state().secondaries.map((s) => {
          const seen = lastSeen.get(s.id);
          const waiting = reported.get(s.id) ?? null;
          const isConnected = connected.has(s.id);
          return {
            id: s.id,
            name: s.name,
            pairedAt: s.pairedAt,
            lastSeenAt: seen?.at ?? s.lastSeenAt,
            address: seen?.address ?? s.address,
            connected: isConnected,
            // Connected but still handing over what it validated alone: it was autonomous and is catching up.
            mode: !isConnected ? 'unreachable' : waiting ? 'autonomous' : 'connected',
            waiting,
          };
        }),
      };
    },
  };
}
