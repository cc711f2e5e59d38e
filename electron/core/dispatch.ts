/**
 * Runs one contract call: the name and input arrive as `unknown` from a host, are checked against
 * shared/contract.ts, and every outcome becomes an envelope. Never throws.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Logger } from 'pino';
import { calls, type CallInput, type CallName, type CallOutput, type Envelope } from '../../shared/contract';
import { isCallName } from '../../shared/channels';
import { t } from '../../shared/i18n';
import { frenchParseError, safeParseInFrench } from '../../shared/zodFrench';
import { ContractFailure } from './contractFailure';
import { isDiskFull } from './db/diskFull';
import { isPlatformError } from './platform/errors';
import { LOCAL_CALLER, runAs, type Actor, type Caller } from './staff/actor';

/** Calls the host answers itself (the supervisor swaps cores on account changes). */
export type HostCallName = Extract<CallName, `account.${string}` | `database.${string}` | `lan.${string}`>;
export type CoreCallName = Exclude<CallName, HostCallName>;

/** A handler for each call of `N`: it receives the parsed input and returns the output (checked on its way out). */
export type HandlersOf<N extends CallName> = {
  [K in N]: (input: CallInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;
};
export type Handlers = HandlersOf<CoreCallName>;

type Merged<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]]
  ? H & Merged<R>
  : unknown;

/**
 * The domains' handler maps as one: a call name handled twice is a bug found at start-up, never a silent override
 * (a spread keeps the last one).
 */
export function oneHandlerEach<T extends readonly object[]>(...maps: T): Merged<T> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (Object.hasOwn(merged, name)) throw new Error(`two handlers for the call ${name}`);
      merged[name] = handler;
    }
  }
  return merged as Merged<T>;
}

/**
 * Who may make a call (staff/callRoles.ts, staff/staffService.ts): the person signed in at the caller's screen, or
 * a ContractFailure (`signed_out`, `forbidden`) thrown before the input is even read.
 */
export type Authorize = (name: CallName, caller: Caller) => Actor;

/**
 * The one way from a call name to its handler, for the core's calls and the host's alike: name checked, the
 * caller's role checked, input parsed as unknown, output checked, every failure an envelope. The handler runs as
 * the caller's actor (staff/actor.ts), so what it writes names the person.
 */
export function createDispatcher<N extends CallName>(handlers: HandlersOf<N>, logger: Logger, authorize: Authorize) {
  return async function dispatch(
    name: unknown,
    input: unknown,
    caller: Caller = LOCAL_CALLER,
  ): Promise<Envelope<unknown>> {
    if (!isCallName(name) || !Object.hasOwn(handlers, name)) return failure('unknown_call', t('errors.unknown_call'));
    let actor: Actor;
    try {
      actor = authorize(name, caller);
    } catch (error) {
      if (error instanceof ContractFailure) {
        if (error.code === 'forbidden') logger.info({ call: name, terminal: caller.terminal }, 'call refused to role');
        return failure(error.code, error.message);
      }
      return internalFailure(logger, name, error);
    }
    // An absent input means "no parameters"; `null` is an input, and a wrong one (calls take objects).
    const parsed = safeParseInFrench(calls[name].input, input === undefined ? {} : input);
    if (!parsed.success) return invalidInput(logger, name, parsed.error);
    try {
      const handler = handlers[name as N] as (input: unknown) => Promise<unknown>;
      const value: unknown = await runAs(actor, () => handler(parsed.data));
      // The output is checked too: a core bug must surface here, not as a broken screen.
      return { ok: true, value: calls[name].output.parse(value) };
    } catch (error) {
      if (error instanceof ContractFailure || isPlatformError(error)) return failure(error.code, error.message);
      if (isDiskFull(error)) return failure('disk_full', t('errors.disk_full'));
      return internalFailure(logger, name, error);
    }
  };
}

/** A short reference that ties what the screen says to the log line with the details. */
function reference(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

/**
 * A call refused by its schema: a bug of the caller. The screen says so in French (zod's French explanation) with a
 * reference; the issues themselves go to the log under it.
 */
export function invalidInput(logger: Logger, call: string, error: z.ZodError) {
  const ref = reference();
  const detail = frenchParseError(error);
  logger.warn({ call, ref, issues: error.issues }, 'contract call input refused');
  return failure('invalid_input', t('errors.call_refused', { ref, detail }));
}

/** An unexpected error: never its raw message (paths, stack words) on screen; the log has it under `ref`. */
export function internalFailure(logger: Logger, call: string, error: unknown) {
  const ref = reference();
  logger.error({ err: error, call, ref }, 'contract call failed');
  return failure('internal', t('errors.internal', { ref }));
}

function failure(code: Extract<Envelope<unknown>, { ok: false }>['error']['code'], message: string) {
  return { ok: false as const, error: { code, message } };
}
