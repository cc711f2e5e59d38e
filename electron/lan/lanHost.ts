/**
 * Several counters at one cinema, as the hosts see it: a `Core` around the supervisor that
 * - answers the `lan.*` calls (role, pairing code, secondaries, pairing with a main counter);
 * - as a **main counter**, runs the LAN listener (mainListener.ts) and passes the engine's events on to secondaries;
 * - as a **secondary**, forwards the guichet's calls (lookups, validations, undos, name search, journal) to its main
 *   counter, which records them under this counter's name, and prints the slip of a validation here.
 * A lone counter (the default) runs no listener: nothing of it is reachable from the LAN.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { CallName, Envelope, EventName, LanView, Validation } from '../../shared/contract';
import { validationSchema } from '../../shared/contract';
import { EVENTS_FOR_SECONDARIES, isGrantedToSecondary, type LanPerson } from '../../shared/lanWire';
import { pairingCodeSchema } from '../../shared/contract-lan';
import { t } from '../../shared/i18n';
import { remoteCounterName } from '../core/actingCounter';
import { contractClient } from '../core/client';
import { ContractFailure } from '../core/contractFailure';
import { createDispatcher, type HandlersOf } from '../core/dispatch';
import { createEventHub } from '../core/eventHub';
import { currentActor, LOCAL_CALLER, type Caller } from '../core/staff/actor';
import type { Core } from '../core/types';
import { loadOrCreateCertificate, type LanCertificate } from './certificate';
import type { LanConfig } from './lanConfig';
import { createLanStore, hashToken, lanDir, type LanState } from './lanStore';
import { normaliseMainUrl, pairWithMain, PairingError } from './mainClient';
import { newToken, startMainListener, type MainListener } from './mainListener';
import { createPairingCodes } from './pairing';
import { startSecondaryLink, type SecondaryLink } from './secondaryLink';

type LanCall = Extract<CallName, `lan.${string}`>;

export interface LanHostOptions {
  core: Core;
  /** The base data folder (the supervisor's): `lan/` holds the certificate and the pairings. */
  baseDir: string;
  config: LanConfig;
  logger: Logger;
}

export interface LanHost extends Core {
  /** The main counter's LAN port (role `main`), for the console line and tests. */
  lanPort(): number | null;
  /** What the console line says of the LAN role (`poste principal sur https://…`), empty for a lone counter. */
  lanLine(): string;
}

const PAIR_RETRY_MS = 2_000;

export async function startLanHost(options: LanHostOptions): Promise<LanHost> {
  const { core, logger, config } = options;
  const store = createLanStore(options.baseDir, logger);
  const codes = createPairingCodes();
  const events = createEventHub(logger);
  let state: LanState = store.read();
  let listener: MainListener | null = null;
  let certificate: LanCertificate | null = null;
  let secondary: SecondaryLink | null = null;
  const lastSeen = new Map<string, { at: string; address: string; connected: boolean }>();
  /** What each secondary last said waits to be handed over (main counter, the manager's view). */
  const reported = new Map<string, number>();
  let closed = false;
  let pairingRetry: NodeJS.Timeout | null = null;

  async function counterName(): Promise<string> {
    const info = await core.dispatch('app.info', {});
    return info.ok ? (info.value as { counterName: string }).counterName : 'Caisse';
  }

  function save(next: LanState): void {
    store.write(next);
    state = next;
    backgroundSyncForRole();
  }

  /** A secondary's main counter syncs for it: its own engine stays off pass Culture (one budget per cinema). */
  function backgroundSyncForRole(): void {
    core.setBackgroundSync?.(state.role !== 'secondary');
  }

  // ----- main counter ---------------------------------------------------------------------------------------------
  async function startListening(): Promise<void> {
    if (listener) return;
    certificate ??= await loadOrCreateCertificate(lanDir(options.baseDir), `Guichet ${await counterName()}`);
    const mainName = await counterName();
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
        publishSoon();
      },
      secondaryOfToken: (token) => {
        if (!token) return null;
        const hash = hashToken(token);
        const found = state.secondaries.find((s) =>
          crypto.timingSafeEqual(Buffer.from(s.tokenHash), Buffer.from(hash)),
        );
        return found ? { id: found.id, name: found.name } : null;
      },
      pair: (name, proof, address) => {
        // One name, one counter in the ledger: a name already in use (this counter's, or a paired secondary's, e.g.
        // a reinstalled PC: revoke the old pairing first) is refused before the code is spent.
        const taken = (other: string) => other.localeCompare(name, 'fr', { sensitivity: 'base' }) === 0;
        if (taken(mainName) || state.secondaries.some((s) => taken(s.name))) return 'name_taken';
        if (!certificate || !codes.redeem(proof, certificate.fingerprint)) return null;
        const token = newToken();
        const id = crypto.randomBytes(6).toString('hex');
        const now = new Date().toISOString();
        save({
          ...state,
          secondaries: [
            ...state.secondaries,
            { id, name, tokenHash: hashToken(token), pairedAt: now, lastSeenAt: null, address },
          ],
        });
        publish();
        return { id, token, mainName };
      },
      seen: (id, address, connected) => {
        lastSeen.set(id, { at: new Date().toISOString(), address, connected });
        publishSoon();
      },
    });
    if (config.pairingCode && !codes.shown()) codes.issue(config.pairingCode);
  }

  async function stopListening(): Promise<void> {
    const current = listener;
    listener = null;
    codes.clear();
    await current?.close();
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

  // ----- secondary counter ----------------------------------------------------------------------------------------
  function disconnect(): void {
    secondary?.close();
    secondary = null;
  }

  function connect(): void {
    disconnect();
    const link = state.main;
    if (!link || closed) return;
    secondary = startSecondaryLink({
      core,
      link,
      logger,
      deliver: (name, payload) => events.deliver(name, payload),
      changed: publish,
    });
  }

  async function pair(mainUrlText: string, codeText: string): Promise<void> {
    const mainUrl = normaliseMainUrl(mainUrlText);
    const code = pairingCodeSchema.safeParse(codeText);
    if (!mainUrl || !code.success) throw new ContractFailure('pairing_failed');
    let link;
    try {
      link = await pairWithMain(mainUrl, code.data, await counterName());
    } catch (error) {
      if (error instanceof PairingError) {
        if (error.reason === 'name_taken') {
          throw new ContractFailure('pairing_failed', t('errors.pairing_name_taken', { name: await counterName() }));
        }
        throw new ContractFailure(error.reason === 'unreachable' ? 'main_unreachable' : 'pairing_failed');
      }
      throw error;
    }
    await stopListening();
    save({ ...state, role: 'secondary', main: link });
    logger.info({ main: link.url }, 'paired with a main counter');
    connect();
  }

  // ----- the manager's view ---------------------------------------------------------------------------------------
  function view(name: string): LanView {
    const connected = listener?.connected() ?? new Set<string>();
    const shown = codes.shown();
    return {
      role: state.role,
      counterName: name,
      main:
        state.role === 'main' && certificate
          ? {
              addresses: addresses(),
              fingerprint: certificate.fingerprint,
              pairing: shown && { code: shown.code, expiresAt: shown.expiresAt.toISOString() },
              secondaries: state.secondaries.map((s) => {
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
                  mode: !isConnected ? 'unreachable' : waiting ? 'autonomous' : 'connected',
                  waiting,
                };
              }),
            }
          : null,
      secondary:
        state.role === 'secondary' && state.main
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
          : null,
    };
  }
  async function currentView(): Promise<LanView> {
    return view(await counterName());
  }
  function publish(): void {
    void currentView().then((v) => events.deliver('lan.changed', v));
  }
  let publishDue = false;
  function publishSoon(): void {
    if (publishDue) return;
    publishDue = true;
    setTimeout(() => {
      publishDue = false;
      if (!closed) publish();
    }, 250).unref();
  }

  function refuseWhenFixed(): void {
    if (config.role !== undefined) throw new ContractFailure('lan_refused');
  }

  const handlers: HandlersOf<LanCall> = {
    'lan.get': async () => {
      // Every screen's banner reads this; the pairing code on show is for a manager's eyes only.
      const view = await currentView();
      if (currentActor()?.role === 'manager' || !view.main) return view;
      return { ...view, main: { ...view.main, pairing: null } };
    },
    'lan.setRole': async ({ role }) => {
      refuseWhenFixed();
      if (role === 'main') await startListening();
      else await stopListening();
      disconnect();
      save({ ...state, role, main: null });
      publish();
      return currentView();
    },
    'lan.pairingCode': () => {
      if (state.role !== 'main' || !listener) throw new ContractFailure('lan_refused', t('errors.not_main_counter'));
      codes.issue();
      publish();
      return currentView();
    },
    'lan.revoke': ({ id }) => {
      const revoked = state.secondaries.find((s) => s.id === id);
      if (revoked) {
        save({ ...state, secondaries: state.secondaries.filter((s) => s.id !== id) });
        listener?.disconnect(id);
        lastSeen.delete(id);
        logger.info({ secondary: id, name: revoked.name }, 'secondary counter revoked');
        publish();
      }
      return currentView();
    },
    'lan.pair': async ({ mainUrl, code }) => {
      refuseWhenFixed();
      await pair(mainUrl, code);
      publish();
      return currentView();
    },
    'lan.unpair': async () => {
      refuseWhenFixed();
      disconnect();
      save({ ...state, role: 'alone', main: null });
      publish();
      return currentView();
    },
  };
  // Réglages → Postes is the manager's (staff/callRoles.ts): the same check as the engine's own calls.
  const dispatchLan = createDispatcher(handlers, logger, (name, caller) => core.authorize(name, caller));

  /** A secondary's guichet call, answered by its main counter; a validation's slip prints here. */
  async function forward(name: CallName, input: unknown, caller: Caller | undefined): Promise<Envelope<unknown>> {
    // This counter's own team decides who may make the call here; the main counter is told who it is.
    let person: LanPerson;
    try {
      const actor = core.authorize(name, caller ?? LOCAL_CALLER);
      person = { personName: actor.personName, role: actor.role ?? 'cashier' };
    } catch (error) {
      if (error instanceof ContractFailure) return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    }
    const mode = secondary?.mode() ?? 'revoked';
    if (mode === 'revoked') {
      return { ok: false, error: { code: 'main_unreachable', message: t('errors.main_unreachable') } };
    }
    // Autonomous: this counter's own engine answers (its replica, its ledger and queue, its printer).
    if (mode === 'autonomous' || !secondary) return core.dispatch(name, input, caller);
    const envelope = await secondary.connection().call(name, input, person);
    if (name === 'counter.validate' && envelope.ok) printHere(envelope.value, caller);
    return envelope;
  }

  function printHere(value: unknown, caller: Caller | undefined): void {
    const validation = validationSchema.safeParse(value);
    if (!validation.success) return;
    const printed: Validation = validation.data;
    void core.dispatch('printer.printValidation', { validation: printed }, caller).then((answer) => {
      if (!answer.ok) logger.warn({ code: answer.error.code }, 'entry slip of a forwarded validation not printed');
    });
  }

  // The engine's events: to this counter's screens, and (main counter) to the secondaries that should hear them.
  const unsubscribe = core.onEvent((name: EventName, payload: unknown) => {
    const forCounter = remoteCounterName();
    if (listener && (EVENTS_FOR_SECONDARIES as readonly string[]).includes(name)) {
      // A late verdict answers one counter's scan: that counter's, never the others' nor this screen's.
      if (name === 'verdict.updated') {
        if (forCounter !== null) listener.broadcast(name, payload, forCounter);
      } else {
        listener.broadcast(name, payload);
      }
    }
    if (name === 'verdict.updated' && forCounter !== null) return;
    // A secondary's status line is its main counter's (forwarded), not its own idle engine's.
    if (name === 'status.changed' && state.role === 'secondary') return;
    events.deliver(name, payload);
  });

  // Start in the role the environment fixes, else the saved one.
  backgroundSyncForRole();
  if (config.role === 'main' || (config.role === undefined && state.role === 'main')) {
    if (state.role !== 'main') save({ ...state, role: 'main', main: null });
    await startListening();
  } else if (config.role === 'alone' && state.role !== 'alone') {
    save({ ...state, role: 'alone', main: null });
  } else if (config.role === 'secondary' && config.mainUrl) {
    const wanted = normaliseMainUrl(config.mainUrl);
    if (state.role === 'secondary' && state.main && state.main.url === wanted) connect();
    else if (config.pairingCode) pairInBackground(config.mainUrl, config.pairingCode);
    else logger.warn('COUNTER_ROLE=secondary without COUNTER_PAIRING_CODE and not paired yet');
  } else if (state.role === 'secondary') {
    connect();
  }

  /** The demo's secondary may start before its main counter listens: it tries again for a minute. */
  function pairInBackground(mainUrl: string, code: string, tries = 30): void {
    pair(mainUrl, code)
      .then(() => publish())
      .catch((error: unknown) => {
        const failure = error instanceof ContractFailure ? error.code : String(error);
        if (closed || tries <= 1 || failure === 'pairing_failed') {
          logger.error({ failure }, 'pairing with the main counter (COUNTER_MAIN_URL) failed');
          return;
        }
        pairingRetry = setTimeout(() => pairInBackground(mainUrl, code, tries - 1), PAIR_RETRY_MS);
      });
  }

  const host: LanHost = {
    async dispatch(name, input, caller) {
      if (typeof name === 'string' && name.startsWith('lan.')) return dispatchLan(name, input, caller);
      if (state.role === 'secondary' && isGrantedToSecondary(name)) return forward(name, input, caller);
      // Synchronising is the main counter's (it would spend the key's budget a second time).
      if (state.role === 'secondary' && name === 'sync.now') {
        return { ok: false, error: { code: 'not_granted', message: t('errors.not_granted') } };
      }
      return core.dispatch(name, input, caller);
    },
    authorize: (name, caller) => core.authorize(name, caller),
    forgetTerminal: (terminal) => core.forgetTerminal(terminal),
    recordAudit: (action, detail) => core.recordAudit(action, detail),
    setBackgroundSync: (enabled) => core.setBackgroundSync?.(enabled),
    replica: core.replica,
    call: contractClient((name, input) => host.dispatch(name, input)),
    onEvent: events.on,
    lanPort: () => listener?.port ?? null,
    lanLine: () => {
      if (listener) return `poste principal sur ${addresses().join(', ') || `port ${listener.port}`}`;
      if (config.role === 'secondary' || state.role === 'secondary') {
        return `poste secondaire de ${state.main?.url ?? config.mainUrl ?? '?'}`;
      }
      return '';
    },
    async close() {
      closed = true;
      if (pairingRetry) clearTimeout(pairingRetry);
      unsubscribe();
      disconnect();
      await stopListening();
      events.clear();
      await core.close();
    },
  };
  return host;
}
