/**
 * Several counters at one cinema, as the hosts see it: a `Core` around the supervisor that
 * - answers the `lan.*` calls (lanCalls.ts: role, pairing code, secondaries, pairing with a main counter);
 * - as a **main counter**, runs the LAN listener (mainSide.ts) and passes the engine's events on to secondaries;
 * - as a **secondary**, forwards the guichet's calls (lookups, validations, undos, name search, journal) to its main
 *   counter, which records them under this counter's name, and prints the slip of a validation here — or, when the
 *   main counter does not answer, lets its own engine answer them in autonomous mode (secondaryLink.ts).
 * A lone counter (the default) runs no listener: nothing of it is reachable from the LAN.
 */
import type { Logger } from 'pino';
import type { EventName, LanView } from '../../shared/contract';
import { EVENTS_FOR_SECONDARIES, isGrantedToSecondary } from '../../shared/lanWire';
import { t } from '../../shared/i18n';
import { remoteCounterName } from '../core/actingCounter';
import { contractClient } from '../core/client';
import { createDispatcher } from '../core/dispatch';
import { createEventHub } from '../core/eventHub';
import type { Core } from '../core/types';
import type { LanConfig } from './lanConfig';
import { createLanStore, type LanState } from './lanStore';
import { lanHandlers } from './lanCalls';
import { normaliseMainUrl } from './pairingClient';
import { createMainSide } from './mainSide';
import { createSecondaryRole } from './secondaryRole';

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

export async function startLanHost(options: LanHostOptions): Promise<LanHost> {
  const { core, logger, config } = options;
  const store = createLanStore(options.baseDir, logger);
  const events = createEventHub(logger);
  let state: LanState = store.read();
  let closed = false;

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

  // ----- main counter: its listener, pairing codes, secondaries (mainSide.ts) ------------------------------------
  const mainSide = createMainSide({
    core,
    baseDir: options.baseDir,
    config,
    logger,
    state: () => state,
    save,
    counterName,
    publish: () => publish(),
    publishSoon: () => publishSoon(),
  });

  // ----- secondary counter: pairing, its link to the main counter (secondaryRole.ts) --------------------------------
  const secondaryRole = createSecondaryRole({
    core,
    logger,
    state: () => state,
    save,
    counterName,
    stopMain: () => mainSide.stop(),
    closed: () => closed,
    deliver: (name, payload) => events.deliver(name, payload),
    publish: () => publish(),
  });

  // ----- the manager's view ---------------------------------------------------------------------------------------
  async function currentView(): Promise<LanView> {
    const name = await counterName();
    return { role: state.role, counterName: name, main: mainSide.view(), secondary: secondaryRole.view() };
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

  const handlers = lanHandlers({
    state: () => state,
    save,
    mainSide,
    fixedRole: config.role !== undefined,
    currentView,
    publish,
    disconnect: secondaryRole.disconnect,
    pair: secondaryRole.pair,
  });
  // Réglages → Postes is the manager's (staff/callRoles.ts): the same check as the engine's own calls.
  const dispatchLan = createDispatcher(handlers, logger, (name, caller) => core.authorize(name, caller));

  // The engine's events: to this counter's screens, and (main counter) to the secondaries that should hear them.
  const unsubscribe = core.onEvent((name: EventName, payload: unknown) => {
    const forCounter = remoteCounterName();
    if (mainSide.listening() && (EVENTS_FOR_SECONDARIES as readonly string[]).includes(name)) {
      // A late verdict answers one counter's scan: that counter's, never the others' nor this screen's.
      if (name === 'verdict.updated') {
        if (forCounter !== null) mainSide.broadcast(name, payload, forCounter);
      } else {
        mainSide.broadcast(name, payload);
      }
    }
    if (name === 'verdict.updated' && forCounter !== null) return;
    // A connected secondary's status line is its main counter's (forwarded), not its own idle engine's; in
    // autonomous mode it is its own (its link to pass Culture, its queue).
    if (name === 'status.changed' && state.role === 'secondary' && secondaryRole.mode() !== 'autonomous') return;
    events.deliver(name, payload);
  });

  // Start in the role the environment fixes, else the saved one.
  backgroundSyncForRole();
  if (config.role === 'main' || (config.role === undefined && state.role === 'main')) {
    if (state.role !== 'main') save({ ...state, role: 'main', main: null });
    await mainSide.start();
  } else if (config.role === 'alone' && state.role !== 'alone') {
    save({ ...state, role: 'alone', main: null });
  } else if (config.role === 'secondary' && config.mainUrl) {
    const wanted = normaliseMainUrl(config.mainUrl);
    if (state.role === 'secondary' && state.main && state.main.url === wanted) secondaryRole.connect();
    else if (config.pairingCode) secondaryRole.pairInBackground(config.mainUrl, config.pairingCode);
    else logger.warn('COUNTER_ROLE=secondary without COUNTER_PAIRING_CODE and not paired yet');
  } else if (state.role === 'secondary') {
    secondaryRole.connect();
  }

  const host: LanHost = {
    async dispatch(name, input, caller) {
      if (typeof name === 'string' && name.startsWith('lan.')) return dispatchLan(name, input, caller);
      if (state.role === 'secondary' && isGrantedToSecondary(name)) {
        const secondary = secondaryRole.link();
        if (secondary) return secondary.forward(name, input, caller);
        return { ok: false, error: { code: 'main_unreachable', message: t('errors.main_unreachable') } };
      }
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
    call: contractClient((name, input) => host.dispatch(name, input)),
    onEvent: events.on,
    lanPort: () => mainSide.port(),
    lanLine: () => {
      const port = mainSide.port();
      if (port !== null) return `poste principal sur ${mainSide.addresses().join(', ') || `port ${port}`}`;
      if (config.role === 'secondary' || state.role === 'secondary') {
        return `poste secondaire de ${state.main?.url ?? config.mainUrl ?? '?'}`;
      }
      return '';
    },
    async close() {
      closed = true;
      secondaryRole.stopPairing();
      unsubscribe();
      secondaryRole.disconnect();
      await mainSide.stop();
      events.clear();
      await core.close();
    },
  };
  return host;
}
