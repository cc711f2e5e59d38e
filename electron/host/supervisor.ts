/**
 * The supervisor: what both hosts (Electron main, browser mode) hold instead of a core. It is a `Core` itself, and
 * owns the current one:
 * - `account.*` calls are answered here (the account decides which core runs, so a core cannot answer them);
 *   every other call goes to the current core, and its events come out of the supervisor's `onEvent`;
 * - `account.save` / `account.useDemo` swap cores: calls already running on the old core finish first, calls
 *   arriving meanwhile wait for the new core (none is lost or answered by a closing core), then the old core (and
 *   its demo sandbox) is closed, the new one starts in its own data folder, listeners are re-attached to it and
 *   `account.changed` is emitted.
 *
 * Which account runs: PASSCULTURE_API_KEY (and its companions) when set — the screen is then read-only —, else the
 * saved account (account.json + the key in the secret store), else demo mode.
 * The API key lives in this module and the core only: account views say whether there is one, never what it is,
 * and nothing here logs it.
 */
import { engineDelegates } from './engineDelegates';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  accountViewSchema,
  type AccountView,
  type Envelope,
  type ErrorCode,
  type RecoveryView,
} from '../../shared/contract';
import type { EventName } from '../../shared/channels';
import { t } from '../../shared/i18n';
import { ContractFailure } from '../core/contractFailure';
import { lockFolder } from '../core/db/folderLock';
import { contractClient } from '../core/client';
import { createDispatcher, type Authorize, type HandlersOf } from '../core/dispatch';
import { currentActor } from '../core/staff/actor';
import { createEventHub } from '../core/eventHub';
import type { Core } from '../core/types';
import { checkAccount, environmentOfUrl, resolveBaseUrl, type LiveEnvironment } from './accountCheck';
import { createAccountStore, type StoredAccount } from './accountStore';
import type { RunningCore } from './bootstrap';
import { readHostConfig, targetFromConfig, type AccountTarget, type HostConfig } from './config';
import { createSecretStore, type SecretStore } from './secretStore';
import { startupFailureMessage } from './startupFailure';
import { errorMessage } from '../../shared/errorText';

export interface SupervisorOptions {
  env: NodeJS.ProcessEnv;
  /** Base data folder when COUNTER_DATA_DIR is not set (account.json, the key, and one folder per account). */
  defaultDataDir: string;
  logger: Logger;
  /** This host's key store for the base data folder; a user-only file by default (browser mode, CLI). */
  secretStore?: (baseDir: string) => SecretStore;
  /** Starts a core on an account; tests pass fake cores. */
  startCore?: (target: AccountTarget, options: { baseDir: string; logger: Logger }) => Promise<RunningCore>;
  /** Timeout of the `offerer_venues` call of account.test/save. */
  accountTestTimeoutMs?: number;
  /** How long a swap waits for calls still running on the old core before closing it anyway. */
  drainTimeoutMs?: number;
  /** account.test through this fetch (tests); the platform client's own undici pool by default. */
  fetch?: typeof fetch;
  /** Named in the refusal a second engine gets (`browser`, `electron`). */
  lockHolder?: string;
}

export interface Supervisor extends Core {
  /** One line for the console about the core running now (demo or which platform). */
  readonly description: string;
  readonly mode: 'demo' | 'live';
}

type Environment = AccountView['environment'];

/** The account a core runs on, with how the screen describes it. */
interface ActiveAccount {
  environment: Environment;
  target: AccountTarget;
}

interface Slot {
  running: RunningCore;
  inFlight: number;
  /** Resolved when `inFlight` drops to 0 (a swap waiting to close this core). */
  idle: Array<() => void>;
  unsubscribe: () => void;
}

const ACCOUNT_CALLS = [
  'account.get',
  'account.test',
  'account.save',
  'account.useDemo',
  'database.recovery',
  'database.recover',
] as const;
type AccountCall = (typeof ACCOUNT_CALLS)[number];
type AccountHandlers = HandlersOf<AccountCall>;

function isAccountCall(name: unknown): name is AccountCall {
  return typeof name === 'string' && (ACCOUNT_CALLS as readonly string[]).includes(name);
}

const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;
/** While no core runs (start failed), a call tries to start it again at most this often. */
const RESTART_EVERY_MS = 3_000;

/** An account whose core could not start: the screen says why, and nothing else runs silently instead. */
interface Blocked {
  account: ActiveAccount;
  error: unknown;
  triedAt: number;
}

export async function startSupervisor(options: SupervisorOptions): Promise<Supervisor> {
  const { logger } = options;
  const config = readHostConfig(options.env);
  const baseDir = config.dataDir ?? options.defaultDataDir;
  // One engine per data folder: account.json, the key and every account's ledger are this process's alone.
  const folderLock = lockFolder(baseDir, options.lockHolder ?? 'engine');
  const store = createAccountStore(baseDir, logger);
  const secrets = (options.secretStore ?? ((dir) => createSecretStore({ dir, logger })))(baseDir);
  // Imported on first use: a supervisor given fake cores (tests) never loads the engine (SQLite, sandbox).
  const startCore =
    options.startCore ?? (async (target, where) => (await import('./bootstrap')).startAccountCore(target, where));
  const fromEnvironment = config.mode === 'live';
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;

  const events = createEventHub(logger);
  function emit(name: EventName, payload: unknown): void {
    events.deliver(name, payload);
  }

  let slot: Slot | null = null;
  let active: ActiveAccount = demoAccount(config, null);
  /** True while a swap runs; `gate` resolves when it ends. */
  let swapping = false;
  let gate: Promise<void> = Promise.resolve();
  /** Swaps run one after the other. */
  let swapQueue: Promise<void> = Promise.resolve();
  let stopped = false;
  let closing: Promise<void> | null = null;
  let blocked: Blocked | null = null;

  // The LAN host's needs of the engine, passed on to the current core (engineDelegates.ts).
  const delegates = engineDelegates(() => slot?.running.core ?? null);

  function attach(running: RunningCore, account: ActiveAccount): void {
    delegates.adopt(running.core);
    const unsubscribe = running.core.onEvent((name, payload) => emit(name, payload));
    slot = { running, inFlight: 0, idle: [], unsubscribe };
    active = account;
    blocked = null;
    logger.info({ mode: running.mode, environment: account.environment, ...where(account) }, running.description);
  }

  /** Lets the calls running on a core finish (bounded), detaches its events, closes it (and its sandbox). */
  async function retire(old: Slot): Promise<void> {
    if (old.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      const drained = new Promise<void>((resolve) => old.idle.push(resolve));
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.warn({ inFlight: old.inFlight, drainTimeoutMs }, 'calls still running; closing the core anyway');
          resolve();
        }, drainTimeoutMs);
      });
      await Promise.race([drained, late]);
      clearTimeout(timer);
    }
    old.unsubscribe();
    try {
      await old.running.close();
    } catch (error) {
      logger.error({ err: error }, 'closing the previous core failed');
    }
  }

  /** Runs `account` on a new core after retiring the current one; the previous account comes back on failure. */
  function switchTo(account: ActiveAccount, persist: () => Promise<void>): Promise<void> {
    const run = swapQueue.then(() => swap(account, persist));
    swapQueue = run.catch(() => undefined);
    return run;
  }

  async function swap(account: ActiveAccount, persist: () => Promise<void>): Promise<void> {
    if (stopped) throw new ContractFailure('internal', t('errors.engine_stopped'));
    swapping = true;
    let open = () => {};
    gate = new Promise<void>((resolve) => (open = resolve));
    const previous = active;
    let problem: unknown = null;
    try {
      const old = slot;
      slot = null;
      if (old) await retire(old);
      try {
        const running = await startCore(account.target, { baseDir, logger });
        try {
          await persist();
        } catch (error) {
          await running.close().catch((err: unknown) => logger.error({ err }, 'closing the new core failed'));
          throw error;
        }
        attach(running, account);
      } catch (error) {
        problem = error;
        logger.error(
          { err: error, environment: account.environment, ...where(account) },
          'could not switch account; restoring the previous one',
        );
        await restore(previous);
      }
    } finally {
      swapping = false;
      open();
    }
    // Emitted after a failed switch too: the engine restarted (on the previous account), screens must reload.
    emit('account.changed', accountViewSchema.parse(view()));
    if (problem !== null) {
      const detail = startupFailureMessage(problem);
      throw new ContractFailure('account_switch_failed', t('errors.account_switch_failed', { detail }));
    }
  }

  /** The previous account again, or demo mode, or (if even that fails) no core: calls then say so. */
  async function restore(previous: ActiveAccount): Promise<void> {
    const fallbacks = previous.target.mode === 'demo' ? [previous] : [previous, demoAccount(config, active)];
    for (const account of fallbacks) {
      try {
        attach(await startCore(account.target, { baseDir, logger }), account);
        return;
      } catch (error) {
        logger.error({ err: error, environment: account.environment }, 'could not restart a core');
      }
    }
    active = demoAccount(config, active);
  }

  /** Saves the account and its key together: if either write fails, both are put back. */
  async function persist(account: StoredAccount, key: string | null): Promise<void> {
    const previousAccount = store.read();
    const previousKey = await secrets.read().catch(() => null);
    try {
      if (key === null) await secrets.clear();
      else if (key !== previousKey) await secrets.write(key);
      store.write(account);
    } catch (error) {
      try {
        if (previousKey === null) await secrets.clear();
        else if (previousKey !== key) await secrets.write(previousKey);
        store.write(previousAccount);
      } catch (restoreError) {
        logger.error({ err: restoreError }, 'could not put the previous account back');
      }
      throw error;
    }
  }

  function view(): AccountView {
    const target = active.target;
    return {
      environment: active.environment,
      baseUrl: target.mode === 'live' ? target.baseUrl : null,
      hasKey: target.mode === 'live',
      keyStorage: fromEnvironment ? 'env' : target.mode === 'live' ? secrets.kind : 'none',
      // Shown whenever a key typed here would be stored in clear, so the warning comes before the key does.
      keyStorageWarning: fromEnvironment ? null : secrets.warning,
      fromEnvironment,
      venueIds: target.venueIds,
      counterName: target.counterName,
      keyExposedWarning:
        !fromEnvironment && target.mode === 'live' && secrets.exposed() ? t('errors.key_exposed') : null,
    };
  }

  async function settled(): Promise<void> {
    while (swapping) await gate;
  }

  /** The key given in the form, else the one in use, else the stored one (the form leaves it blank to keep it). */
  async function keyFor(given: string | undefined): Promise<string> {
    const key = given ?? (active.target.mode === 'live' ? active.target.apiKey : await secrets.read());
    if (!key) throw new ContractFailure('key_missing');
    return key;
  }

  async function test(input: { environment: LiveEnvironment; baseUrl?: string | undefined; apiKey?: string }) {
    const baseUrl = resolveBaseUrl(input.environment, input.baseUrl);
    const apiKey = await keyFor(input.apiKey);
    const venues = await checkAccount({
      environment: input.environment,
      baseUrl,
      apiKey,
      logger,
      timeoutMs: options.accountTestTimeoutMs,
      fetch: options.fetch,
    });
    return { baseUrl, apiKey, venues };
  }

  const handlers: AccountHandlers = {
    'account.get': async () => {
      await settled();
      return view();
    },
    'account.test': async (input) => ({ venues: (await test(input)).venues }),
    'account.save': async (input) => {
      if (fromEnvironment) throw new ContractFailure('account_from_environment');
      const { baseUrl, apiKey, venues } = await test(input);
      const reachable = new Set(venues.map((v) => v.id));
      const venueIds = [...new Set(input.venueIds)];
      const missing = venueIds.filter((id) => !reachable.has(id));
      if (missing.length > 0) {
        throw new ContractFailure('venue_not_linked', t('errors.venue_not_linked', { ids: missing.join(', ') }));
      }
      const { environment, counterName } = input;
      const account: ActiveAccount = {
        environment,
        target: { mode: 'live', baseUrl, apiKey, venueIds, counterName },
      };
      const stored = { environment, baseUrl: environment === 'custom' ? baseUrl : null, venueIds, counterName };
      await switchTo(account, () => persist(stored, apiKey));
      return view();
    },
    'account.useDemo': async ({ eraseData }) => {
      if (fromEnvironment) throw new ContractFailure('account_from_environment');
      await settled();
      // Leaving live mode disconnects: the key is erased from this computer; the live ledger stays in its folder
      // unless the manager asks to erase it too (never while something waits to be sent to pass Culture).
      const stored: StoredAccount = { ...store.read(), environment: 'demo', baseUrl: null, venueIds: [] };
      const leaving = active.target;
      if (leaving.mode === 'demo') {
        await persist(stored, null);
        return view();
      }
      if (eraseData) await refuseEraseWhileUnsent();
      await switchTo(demoAccount(config, active), () => persist(stored, null));
      if (eraseData) {
        const { accountDataDir } = await import('./bootstrap');
        fs.rmSync(accountDataDir(baseDir, 'live', leaving.baseUrl), { recursive: true, force: true });
        logger.info({ host: new URL(leaving.baseUrl).host }, "live account's data erased from this computer");
        // The erased folder held its own audit: the erasure is kept in the one that remains, naming who asked.
        const who = currentActor();
        slot?.running.core.recordAudit(
          'erasure',
          [new URL(leaving.baseUrl).host, who?.personName].filter(Boolean).join(' — '),
        );
      }
      return view();
    },
    'database.recovery': async () => recoveryView(),
    'database.recover': async (input) => recover(input),
  };
  /**
   * The running core's team decides who may make the host's calls too (staff/callRoles.ts). With no core (it could
   * not start), there is no team to ask: the recovery screen is the implicit manager's, as on a counter without one.
   */
  const authorize: Authorize = (name, caller) =>
    slot
      ? slot.running.core.authorize(name, caller)
      : { terminal: caller.terminal, personId: null, personName: null, role: 'manager' };
  /** Account calls answer here, through the core's one dispatcher (the cores come and go under them). */
  const dispatchAccount = createDispatcher(handlers, logger, authorize);

  /** Erasing an account's data loses what it has not sent yet: refused until the queue is empty. */
  async function refuseEraseWhileUnsent(): Promise<void> {
    if (slot === null) return; // its engine could not start (damaged): nothing can be sent from it anyway
    const status = await slot.running.core.dispatch('status.get', {});
    if (!status.ok) return;
    const { pendingUploads, conflicts } = status.value as { pendingUploads: number; conflicts: number };
    if (pendingUploads + conflicts > 0) {
      throw new ContractFailure('erase_refused', t('errors.erase_refused', { count: pendingUploads + conflicts }));
    }
  }

  /**
   * Starts `account`'s core, or keeps the reason it could not start. A live account that cannot start (damaged
   * database, disk, rights) never falls back to demo mode by itself: real countermarks would be looked up in the
   * sandbox. The screen says why and offers what can be done (restore a backup, retry, demo on purpose).
   */
  async function startOrBlock(account: ActiveAccount): Promise<boolean> {
    try {
      attach(await startCore(account.target, { baseDir, logger }), account);
      blocked = null;
      return true;
    } catch (error) {
      logger.error({ err: error, environment: account.environment }, 'engine could not start on this account');
      active = account;
      blocked = { account, error, triedAt: Date.now() };
      return false;
    }
  }

  function isDamage(error: unknown): boolean {
    return error instanceof Error && error.name === 'DatabaseDamagedError';
  }

  function recoveryView(): RecoveryView {
    const error = blocked?.error;
    const damaged = isDamage(error);
    const backups = damaged ? (error as { backups: RecoveryView['backups'] }).backups : [];
    return {
      damaged,
      message: blocked ? startupFailureMessage(error) : null,
      environment: active.environment,
      backups: backups.map(({ name, kind, takenAt, sizeBytes }) => ({ name, kind, takenAt, sizeBytes })),
    };
  }

  /** The manager's choice on the recovery screen: a backup in place of the damaged database, or a new one. */
  async function recover(input: { action: 'restore'; backup: string } | { action: 'empty' }): Promise<RecoveryView> {
    const current = blocked;
    if (!current || !isDamage(current.error)) return recoveryView();
    const file = (current.error as { file: string }).file;
    const dataDir = path.dirname(file);
    const backups = await import('../core/db/backups');
    try {
      if (input.action === 'restore') backups.restoreBackup(dataDir, file, input.backup, new Date());
      else backups.setAside(dataDir, file, new Date());
    } catch (error) {
      throw new ContractFailure('database_damaged', errorMessage(error));
    }
    logger.warn({ action: input.action, backup: 'backup' in input ? input.backup : null }, 'database recovered');
    if (input.action === 'empty') {
      // Chosen by the manager: the new, empty database is created now, so the next start does not take its absence
      // (beside the backups) for damage. The backups stay, and can still be restored by support.
      const { createFreshDatabase } = await import('../core/db/open');
      createFreshDatabase(file);
    }
    await startOrBlock(current.account);
    emit('account.changed', accountViewSchema.parse(view()));
    return recoveryView();
  }

  // First core: the environment's account, else the saved one, else demo.
  const first = await initialAccount(config, store.read(), secrets, logger);
  await startOrBlock(first);

  const supervisor: Supervisor = {
    get description() {
      return slot?.running.description ?? t('errors.engine_stopped');
    },
    get mode() {
      return active.target.mode;
    },
    call: contractClient((name, input) => supervisor.dispatch(name, input)),
    authorize,
    forgetTerminal: (terminal) => slot?.running.core.forgetTerminal(terminal),
    recordAudit: (action, detail) => slot?.running.core.recordAudit(action, detail),
    setBackgroundSync: delegates.setBackgroundSync,
    inForeground: (name, call) => slot?.running.core.inForeground?.(name, call) ?? call(),
    replica: delegates.replica,
    handover: delegates.handover,
    async dispatch(name, input, caller) {
      if (stopped) return failure('internal', t('errors.engine_stopped'));
      if (isAccountCall(name)) return dispatchAccount(name, input, caller);
      await settled();
      if (slot === null && blocked !== null) {
        if (isDamage(blocked.error)) return failure('database_damaged', startupFailureMessage(blocked.error));
        // A passing problem (disk full, a folder on a removed drive) may be gone: try again, not too often.
        if (Date.now() - blocked.triedAt < RESTART_EVERY_MS || !(await startOrBlock(blocked.account))) {
          return failure('engine_failed', startupFailureMessage(blocked?.error));
        }
      }
      const current = slot;
      if (stopped || current === null) return failure('internal', t('errors.engine_stopped'));
      // Counted synchronously after the wait: a swap starting now will see this call and let it finish.
      current.inFlight += 1;
      try {
        return await current.running.core.dispatch(name, input, caller);
      } finally {
        current.inFlight -= 1;
        if (current.inFlight === 0) for (const resolve of current.idle.splice(0)) resolve();
      }
    },
    onEvent: events.on,
    close() {
      closing ??= (async () => {
        stopped = true;
        await swapQueue;
        const current = slot;
        slot = null;
        if (current) await retire(current);
        events.clear();
        folderLock.release();
      })();
      return closing;
    },
  };
  return supervisor;
}

/** The account at start-up: environment variables win, then the saved account, then demo. */
async function initialAccount(
  config: HostConfig,
  stored: StoredAccount,
  secrets: SecretStore,
  logger: Logger,
): Promise<ActiveAccount> {
  if (config.mode === 'live' && config.apiUrl) {
    return { environment: environmentOfUrl(config.apiUrl), target: targetFromConfig(config) };
  }
  const demo = demoAccount(config, null, stored.counterName);
  if (stored.environment === 'demo') return demo;
  let baseUrl: string;
  try {
    baseUrl = resolveBaseUrl(stored.environment, stored.baseUrl);
  } catch {
    logger.warn({ environment: stored.environment }, 'saved account has an invalid platform URL; demo mode');
    return demo;
  }
  const apiKey = await secrets.read().catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.name : 'error' }, 'API key could not be read');
    return null;
  });
  if (apiKey === null) {
    logger.warn({ environment: stored.environment }, 'saved account has no usable API key; demo mode');
    return demo;
  }
  return {
    environment: stored.environment,
    target: {
      mode: 'live',
      baseUrl,
      apiKey,
      venueIds: stored.venueIds,
      counterName: stored.counterName ?? config.counterName,
    },
  };
}

/** Demo mode, keeping the counter's name; COUNTER_VENUE_ID still picks a sandbox venue. */
function demoAccount(config: HostConfig, from: ActiveAccount | null, counterName?: string | null): ActiveAccount {
  const demo = targetFromConfig({ ...config, mode: 'demo', apiKey: null, apiUrl: null });
  return {
    environment: 'demo',
    target: { ...demo, counterName: counterName ?? from?.target.counterName ?? config.counterName },
  };
}

/** What may be logged of an account: the platform host and venues, never the key. */
function where(account: ActiveAccount): { host?: string; venueIds: number[] } {
  const target = account.target;
  return target.mode === 'live'
    ? { host: new URL(target.baseUrl).host, venueIds: target.venueIds }
    : { venueIds: target.venueIds };
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
