/**
 * Which counter a call is made for. A lone counter, or the main counter's own screen, acts as itself; a call a
 * secondary counter forwards over the LAN (electron/lan/) runs inside `asCounter(name, …)`, so the ledger row it
 * writes names the secondary, and what follows from it (the entry slip, a late `verdict.updated`) is the
 * secondary's, not the main counter's. AsyncLocalStorage carries the name through every await of the call without
 * threading it through each handler's signature.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const acting = new AsyncLocalStorage<{ counterName: string }>();

/** Runs `work` on behalf of another counter of the venue (a paired secondary). */
export function asCounter<T>(counterName: string, work: () => T): T {
  return acting.run({ counterName }, work);
}

/** The counter the current call is made for, when it is not this one; null for this counter's own calls. */
export function remoteCounterName(): string | null {
  return acting.getStore()?.counterName ?? null;
}
